import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SavedView } from '../../../shared/contract/views';
import { ErrorNotice } from '../ErrorNotice';
import { ManageViewsDialog } from './ManageViewsDialog';
import type { ViewContent } from './saved-views';
import type { SavedViews } from './useSavedViews';

/** Saved views: open one, save the grid as one (optionally the default), manage them. */
export function ViewsMenu({
  saved,
  active,
  current,
  onApply,
  onSaved,
}: {
  saved: SavedViews;
  /** The view the grid was opened from, if any. */
  active: string | undefined;
  current: () => ViewContent;
  onApply: (view: SavedView) => void;
  /** A view was saved from the grid as it is: the grid is that view now. */
  onSaved: (name: string) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [managing, setManaging] = useState(false);
  const [name, setName] = useState('');
  const [asDefault, setAsDefault] = useState(false);
  const views = saved.views ?? [];
  const taken = views.some((v) => v.name.toLowerCase() === name.trim().toLowerCase());
  const save = async () => {
    if (await saved.save(name.trim(), current(), asDefault)) {
      setNaming(false);
      onSaved(name.trim());
    }
  };
  return (
    <>
      <Button onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {active ? `View: ${active}` : 'Views'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {views.map((view) => (
          <MenuItem
            key={view.name}
            selected={view.name === active}
            onClick={() => {
              onApply(view);
              setAnchor(null);
            }}
          >
            {view.name}
            {view.isDefault ? ' (default)' : ''}
          </MenuItem>
        ))}
        {views.length > 0 && <Divider />}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setName(active ?? '');
            setAsDefault(false);
            setNaming(true);
          }}
        >
          Save current view…
        </MenuItem>
        <MenuItem
          disabled={views.length === 0}
          onClick={() => {
            setAnchor(null);
            setManaging(true);
          }}
        >
          Manage views…
        </MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <DialogTitle>Save the current view</DialogTitle>
        <DialogContent>
          <ErrorNotice error={saved.error} />
          <TextField
            label="View name"
            fullWidth
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            helperText={taken ? 'A view of this name exists: saving replaces it.' : ' '}
            sx={{ mt: 1 }}
          />
          <FormControlLabel
            control={
              <Checkbox checked={asDefault} onChange={(e) => setAsDefault(e.target.checked)} />
            }
            label="Open the Devices screen with this view"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>Cancel</Button>
          <Button variant="contained" disabled={name.trim() === ''} onClick={() => void save()}>
            {taken ? 'Replace view' : 'Save view'}
          </Button>
        </DialogActions>
      </Dialog>
      {managing && <ManageViewsDialog saved={saved} onClose={() => setManaging(false)} />}
    </>
  );
}
