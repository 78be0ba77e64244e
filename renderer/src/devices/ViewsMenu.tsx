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
import {
  defaultViewName,
  loadViews,
  saveViews,
  setDefaultViewName,
  type SavedView,
} from './saved-views';

/** Saved views: apply one, or save the current grid as one (optionally the default). */
export function ViewsMenu({
  current,
  onApply,
}: {
  current: () => Omit<SavedView, 'name'>;
  onApply: (view: SavedView) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [views, setViews] = useState(loadViews);
  const [preferred, setPreferred] = useState(defaultViewName);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [asDefault, setAsDefault] = useState(false);
  const save = () => {
    const next = [...views.filter((v) => v.name !== name), { name, ...current() }];
    saveViews(next);
    setViews(next);
    if (asDefault) {
      setDefaultViewName(name);
      setPreferred(name);
    }
    setNaming(false);
  };
  return (
    <>
      <Button onClick={(e) => setAnchor(e.currentTarget)}>
        Views{preferred ? ` (default: ${preferred})` : ''}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {views.map((view) => (
          <MenuItem
            key={view.name}
            onClick={() => {
              onApply(view);
              setAnchor(null);
            }}
          >
            {view.name}
            {view.name === preferred ? ' (default)' : ''}
          </MenuItem>
        ))}
        {views.length > 0 && <Divider />}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setName('');
            setAsDefault(false);
            setNaming(true);
          }}
        >
          Save current view…
        </MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <DialogTitle>Save the current view</DialogTitle>
        <DialogContent>
          <TextField
            label="View name"
            fullWidth
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
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
          <Button variant="contained" disabled={name.trim() === ''} onClick={save}>
            Save view
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
