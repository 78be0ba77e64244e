import { memo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Block from '@mui/icons-material/Block';
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

function FacetList({ grid, facets, onFacet }: Props) {
  return (
    <Box
      component="aside"
      aria-label="Filters"
      sx={{
        width: 250,
        flexShrink: 0,
        overflowY: 'auto',
        pr: 1,
        borderRight: 1,
        borderColor: 'divider',
      }}
    >
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
    </Box>
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
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 1.5 }}>
      <Typography id={headingId} variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {props.label}
      </Typography>
      {shown.map(([value, count]) => {
        const included = props.included.includes(value);
        const excluded = props.excluded.includes(value);
        return (
          <Stack key={value} direction="row" sx={{ alignItems: 'center' }}>
            <Checkbox
              size="small"
              checked={included}
              onChange={() => props.onChange(value, included ? 'off' : 'include')}
              slotProps={{ input: { 'aria-label': `${props.label}: ${value}, ${count} devices` } }}
              sx={{ p: 0.5 }}
            />
            <Typography
              variant="body2"
              noWrap
              title={value}
              sx={{ flexGrow: 1, textDecoration: excluded ? 'line-through' : 'none' }}
            >
              {value}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mx: 0.5 }} aria-hidden>
              {count.toLocaleString()}
            </Typography>
            <Tooltip title={excluded ? `Bring back ${value}` : `Leave out ${value}`}>
              <IconButton
                size="small"
                aria-label={
                  excluded
                    ? `Bring back ${props.label} ${value}`
                    : `Leave out ${props.label} ${value}`
                }
                aria-pressed={excluded}
                color={excluded ? 'error' : 'default'}
                onClick={() => props.onChange(value, excluded ? 'off' : 'exclude')}
              >
                <Block fontSize="inherit" />
              </IconButton>
            </Tooltip>
          </Stack>
        );
      })}
      {entries.length > SHOWN && (
        <Button size="small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${entries.length}`}
        </Button>
      )}
    </Box>
  );
}
