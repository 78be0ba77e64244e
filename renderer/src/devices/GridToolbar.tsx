import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import CheckBox from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlank from '@mui/icons-material/CheckBoxOutlineBlank';
import ListItemIcon from '@mui/material/ListItemIcon';
import ViewColumn from '@mui/icons-material/ViewColumn';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import { COLUMN_SETS } from './column-sets';
import { QUICK_FILTERS, type QuickFilterId } from '../../../shared/devices/quick-filters';

export interface ColumnChoice {
  id: string;
  label: string;
  visible: boolean;
}

interface Props {
  /** What comes first on the row (the Filters toggle). */
  leading?: React.ReactNode;
  search: string;
  onSearch: (text: string) => void;
  quick: ReadonlySet<QuickFilterId>;
  /** Per one-click filter, the shown devices it matches (absent until the first answer). */
  quickCounts?: Record<QuickFilterId, number>;
  showDecommissioned: boolean;
  onShowDecommissioned: (show: boolean) => void;
  /** Find (Ctrl+F) puts the focus here. */
  searchRef?: React.Ref<HTMLInputElement>;
  onToggleQuick: (id: QuickFilterId) => void;
  staleDays: number;
  onStaleDays: (days: number) => void;
  columns: ColumnChoice[];
  onToggleColumn: (id: string, visible: boolean) => void;
  /** Shows one of the column sets (`column-sets.ts`). */
  onColumnSet: (name: string) => void;
}

/** The one-click filters shown as chips; the duplicates ones share a menu. */
const CHIPS = QUICK_FILTERS.filter((filter) => !('duplicates' in filter));
const DUPLICATES = QUICK_FILTERS.filter((filter) => 'duplicates' in filter);

const Check = ({ on }: { on: boolean }) => (
  <ListItemIcon>
    {on ? <CheckBox fontSize="small" color="primary" /> : <CheckBoxOutlineBlank fontSize="small" />}
  </ListItemIcon>
);

/** Quick search, the one-click audit filters and the column chooser. */
export function GridToolbar(props: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [duplicatesAnchor, setDuplicatesAnchor] = useState<HTMLElement | null>(null);
  const duplicatesOn = DUPLICATES.filter((filter) => props.quick.has(filter.id));
  const count = (id: QuickFilterId) =>
    props.quickCounts ? ` · ${props.quickCounts[id].toLocaleString()}` : '';
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {props.leading}
      <TextField
        size="small"
        label="Quick search"
        type="search"
        inputRef={props.searchRef}
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
        sx={{ width: { xs: 180, lg: 240 } }}
      />
      {CHIPS.map((filter) => (
        <Chip
          key={filter.id}
          label={`${filter.id === 'stale' ? `Stale > ${props.staleDays} d` : filter.label}${count(filter.id)}`}
          color={props.quick.has(filter.id) ? 'primary' : 'default'}
          variant={props.quick.has(filter.id) ? 'filled' : 'outlined'}
          onClick={() => props.onToggleQuick(filter.id)}
          aria-pressed={props.quick.has(filter.id)}
        />
      ))}
      <Chip
        label={
          <Stack component="span" direction="row" sx={{ alignItems: 'center' }}>
            {duplicatesOn.length === 0
              ? 'Duplicates'
              : `Duplicates: ${duplicatesOn.map((filter) => filter.duplicates).join(', ')}`}
            <ArrowDropDown fontSize="small" sx={{ mr: -1 }} />
          </Stack>
        }
        color={duplicatesOn.length > 0 ? 'primary' : 'default'}
        variant={duplicatesOn.length > 0 ? 'filled' : 'outlined'}
        onClick={(e) => setDuplicatesAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={duplicatesAnchor !== null}
      />
      <Menu
        anchorEl={duplicatesAnchor}
        open={duplicatesAnchor !== null}
        onClose={() => setDuplicatesAnchor(null)}
      >
        {DUPLICATES.map((filter) => (
          <MenuItem
            key={filter.id}
            dense
            role="menuitemcheckbox"
            aria-checked={props.quick.has(filter.id)}
            onClick={() => props.onToggleQuick(filter.id)}
          >
            <Check on={props.quick.has(filter.id)} />
            <ListItemText primary={`${filter.label}${count(filter.id)}`} />
          </MenuItem>
        ))}
      </Menu>
      <TextField
        size="small"
        label="Stale after (days)"
        type="number"
        value={props.staleDays}
        onChange={(e) => props.onStaleDays(Math.max(1, Number(e.target.value) || 1))}
        sx={{ width: 136 }}
        slotProps={{ htmlInput: { min: 1, max: 3650 } }}
      />
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={props.showDecommissioned}
            onChange={(e) => props.onShowDecommissioned(e.target.checked)}
          />
        }
        label="Show decommissioned"
      />
      <Button startIcon={<ViewColumn />} onClick={(e) => setAnchor(e.currentTarget)}>
        Columns
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader role="presentation">Column sets</ListSubheader>
        {COLUMN_SETS.map((set) => (
          <MenuItem
            key={set.name}
            dense
            onClick={() => {
              props.onColumnSet(set.name);
              setAnchor(null);
            }}
          >
            <ListItemText inset primary={set.name} />
          </MenuItem>
        ))}
        <Divider />
        <ListSubheader role="presentation">Columns</ListSubheader>
        {props.columns.map((column) => (
          <MenuItem
            key={column.id}
            dense
            role="menuitemcheckbox"
            aria-checked={column.visible}
            onClick={() => props.onToggleColumn(column.id, !column.visible)}
          >
            {/* The item is the control (a menu item, checked or not); the box only shows it. */}
            <Check on={column.visible} />
            <ListItemText primary={column.label} />
          </MenuItem>
        ))}
      </Menu>
    </Stack>
  );
}
