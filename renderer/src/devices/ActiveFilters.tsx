import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import {
  FACETS,
  activeFilterCount,
  withoutWhere,
  type GridQuery,
} from '../../../shared/devices/grid-query';
import { QUICK_FILTERS } from '../../../shared/devices/quick-filters';

const BAR_HEIGHT = 32;

interface Props {
  grid: GridQuery;
  onChange: (next: GridQuery) => void;
}

/** Every filter narrowing the grid, each removable on its own, and all at once. */
export function ActiveFilters({ grid, onChange }: Props) {
  // The bar keeps its height when empty: the grid below never changes size as filters come
  // and go, which would make it lay out its rows again (a tenth of a second at 100,000).
  if (activeFilterCount(grid) === 0) return <Box sx={{ minHeight: BAR_HEIGHT, mt: 1 }} />;
  const chips: { label: string; remove: () => GridQuery }[] = [];
  if (grid.search)
    chips.push({ label: `Search: ${grid.search}`, remove: () => ({ ...grid, search: '' }) });
  for (const id of grid.quick) {
    const label = QUICK_FILTERS.find((f) => f.id === id)!.label;
    chips.push({ label, remove: () => ({ ...grid, quick: grid.quick.filter((q) => q !== id) }) });
  }
  for (const { key, label } of FACETS) {
    for (const [kind, values] of [
      ['is', grid.include[key]],
      ['is not', grid.exclude[key]],
    ] as const) {
      for (const value of values ?? []) {
        const side = kind === 'is' ? 'include' : 'exclude';
        chips.push({
          label: `${label} ${kind} ${value}`,
          remove: () => ({
            ...grid,
            [side]: { ...grid[side], [key]: (grid[side][key] ?? []).filter((v) => v !== value) },
          }),
        });
      }
    }
  }
  if (grid.cve) {
    chips.push({ label: `${grid.cve} open`, remove: () => withoutCve(grid) });
  }
  if (grid.where) {
    chips.push({ label: `Query: ${grid.where}`, remove: () => withoutWhere(grid) });
  }
  if (grid.decommissioned) {
    chips.push({
      label: 'Decommissioned shown',
      remove: () => ({ ...grid, decommissioned: false }),
    });
  }
  return (
    <Stack
      direction="row"
      spacing={1}
      role="group"
      aria-label="Active filters"
      sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mt: 1, minHeight: BAR_HEIGHT }}
    >
      {chips.map((chip) => (
        <Chip
          key={chip.label}
          size="small"
          label={chip.label}
          // The chip is named for what it does: a click anywhere on it removes it, as the × does.
          onClick={() => onChange(chip.remove())}
          onDelete={() => onChange(chip.remove())}
          aria-label={`Remove filter: ${chip.label}`}
        />
      ))}
      <Button
        size="small"
        // The view's name goes with its filters: what is left is no longer the view.
        onClick={() =>
          onChange({
            ...withoutWhere(withoutCveOrView(grid)),
            search: '',
            quick: [],
            include: {},
            exclude: {},
            decommissioned: false,
          })
        }
      >
        Clear all filters
      </Button>
    </Stack>
  );
}

function withoutCve(grid: GridQuery): GridQuery {
  const { cve: _cve, ...rest } = grid;
  return rest;
}

function withoutCveOrView(grid: GridQuery): GridQuery {
  const { view: _view, ...rest } = withoutCve(grid);
  return rest;
}
