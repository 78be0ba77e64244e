import { memo, useState } from 'react';
import Button from '@mui/material/Button';
import { styled } from '@mui/material/styles';
import { FACETS, type FacetKey, type GridQuery } from '../../../shared/devices/grid-query';
import type { GridFilterResult } from '../../../shared/devices/grid-filter';

const SHOWN = 6;

interface Props {
  grid: GridQuery;
  facets: GridFilterResult['facets'];
  onFacet: (key: FacetKey, value: string, mode: 'include' | 'exclude' | 'off') => void;
}

/**
 * Facets: each column's values with how many devices each would show; keep some, leave some
 * out. Drawn again only when the counts or the facet filters change (not on each keystroke of
 * a search: its counts arrive with the answer).
 */
export const FacetPanel = memo(
  FacetList,
  (before, after) =>
    before.facets === after.facets &&
    before.onFacet === after.onFacet &&
    JSON.stringify([before.grid.include, before.grid.exclude]) ===
      JSON.stringify([after.grid.include, after.grid.exclude]),
);

/**
 * One styled container for every facet row. The rows themselves are plain elements: sixty MUI
 * checkboxes, tooltips and icon buttons cost a tenth of a second to draw again each time the
 * counts change, which the analyst feels on every click.
 */
const FacetAside = styled('aside')(({ theme }) => ({
  width: 250,
  flexShrink: 0,
  overflowY: 'auto',
  paddingRight: theme.spacing(1),
  borderRight: `1px solid ${theme.palette.divider}`,
  ...theme.typography.body2,
  '& h3': { ...theme.typography.subtitle2, margin: theme.spacing(1, 0, 0.5) },
  '& section': { marginBottom: theme.spacing(1.5) },
  '& .facet-row': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), minHeight: 30 },
  '& .facet-row input': {
    width: 16,
    height: 16,
    margin: theme.spacing(0, 0.5),
    accentColor: theme.palette.primary.main,
    cursor: 'pointer',
  },
  '& .facet-value': {
    flexGrow: 1,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  '& .facet-value.excluded': { textDecoration: 'line-through' },
  '& .facet-count': { color: theme.palette.text.secondary },
  '& .facet-exclude': {
    display: 'inline-flex',
    padding: 4,
    border: 0,
    borderRadius: '50%',
    background: 'none',
    color: theme.palette.action.active,
    cursor: 'pointer',
    '&:hover': { background: theme.palette.action.hover },
    '&[aria-pressed="true"]': { color: theme.palette.error.main },
  },
  '& input:focus-visible, & .facet-exclude:focus-visible': {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  },
}));

/** MUI's Block icon as a bare SVG: sixty SvgIcon components per redraw add up. */
const BlockIcon = () => (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden focusable="false">
    <path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2M4 12c0-4.42 3.58-8 8-8 1.85 0 3.55.63 4.9 1.69L5.69 16.9C4.63 15.55 4 13.85 4 12m8 8c-1.85 0-3.55-.63-4.9-1.69L18.31 7.1C19.37 8.45 20 10.15 20 12c0 4.42-3.58 8-8 8" />
  </svg>
);

function FacetList({ grid, facets, onFacet }: Props) {
  return (
    <FacetAside aria-label="Filters">
      {FACETS.map(({ key, label }) => (
        <Facet
          key={key}
          label={label}
          values={facets[key]}
          included={grid.include[key] ?? []}
          excluded={grid.exclude[key] ?? []}
          onChange={(value, mode) => onFacet(key, value, mode)}
        />
      ))}
    </FacetAside>
  );
}

function Facet(props: {
  label: string;
  values: [string, number][];
  included: string[];
  excluded: string[];
  onChange: (value: string, mode: 'include' | 'exclude' | 'off') => void;
}) {
  const [all, setAll] = useState(false);
  // Values kept or left out stay listed even when the other filters leave them no device.
  const listed = new Map(props.values);
  for (const value of [...props.included, ...props.excluded])
    if (!listed.has(value)) listed.set(value, 0);
  const entries = [...listed];
  const shown = all ? entries : entries.slice(0, SHOWN);
  const headingId = `facet-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{props.label}</h3>
      {shown.map(([value, count]) => {
        const included = props.included.includes(value);
        const excluded = props.excluded.includes(value);
        const leave = excluded ? `Bring back ${value}` : `Leave out ${value}`;
        return (
          <div key={value} className="facet-row">
            <input
              type="checkbox"
              checked={included}
              onChange={() => props.onChange(value, included ? 'off' : 'include')}
              aria-label={`${props.label}: ${value}, ${count} devices`}
            />
            <span className={excluded ? 'facet-value excluded' : 'facet-value'} title={value}>
              {value}
            </span>
            <span className="facet-count" aria-hidden>
              {count.toLocaleString()}
            </span>
            <button
              type="button"
              className="facet-exclude"
              title={leave}
              aria-label={
                excluded
                  ? `Bring back ${props.label} ${value}`
                  : `Leave out ${props.label} ${value}`
              }
              aria-pressed={excluded}
              onClick={() => props.onChange(value, excluded ? 'off' : 'exclude')}
            >
              <BlockIcon />
            </button>
          </div>
        );
      })}
      {entries.length > SHOWN && (
        <Button size="small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${entries.length}`}
        </Button>
      )}
    </section>
  );
}
