import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { DeviceScope } from '../../../shared/contract/views';

/** What the grid offers to hand on: everything, what the filters show, or the ticked rows. */
export interface DeviceSelection {
  total: number;
  filtered?: string[];
  selected?: string[];
}

export type ScopeChoice = 'all' | 'filtered' | 'selected';

export function scopeOf(selection: DeviceSelection, choice: ScopeChoice): DeviceScope {
  if (choice === 'filtered' && selection.filtered) {
    return {
      agentIds: selection.filtered,
      label: `current filter (${selection.filtered.length} devices)`,
    };
  }
  if (choice === 'selected' && selection.selected) {
    return {
      agentIds: selection.selected,
      label: `selected rows (${selection.selected.length} devices)`,
    };
  }
  return { label: 'all devices' };
}

/** How many devices a choice covers, before the push or export leaves any out. */
export function scopeCount(selection: DeviceSelection, choice: ScopeChoice): number {
  if (choice === 'filtered' && selection.filtered) return selection.filtered.length;
  if (choice === 'selected' && selection.selected) return selection.selected.length;
  return selection.total;
}

export function initialChoice(selection: DeviceSelection): ScopeChoice {
  return selection.selected ? 'selected' : selection.filtered ? 'filtered' : 'all';
}

export function ScopeChooser({
  selection,
  value,
  onChange,
}: {
  selection: DeviceSelection;
  value: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
}) {
  return (
    <FormControl>
      <FormLabel id="scope-label">Devices</FormLabel>
      <RadioGroup
        aria-labelledby="scope-label"
        value={value}
        onChange={(e) => onChange(e.target.value as ScopeChoice)}
      >
        <FormControlLabel
          value="all"
          control={<Radio />}
          label={`All (${selection.total.toLocaleString()})`}
        />
        <FormControlLabel
          value="filtered"
          control={<Radio />}
          disabled={!selection.filtered}
          label={`Current filter (${(selection.filtered?.length ?? selection.total).toLocaleString()})`}
        />
        <FormControlLabel
          value="selected"
          control={<Radio />}
          disabled={!selection.selected}
          label={`Selected rows (${(selection.selected?.length ?? 0).toLocaleString()})`}
        />
      </RadioGroup>
    </FormControl>
  );
}
