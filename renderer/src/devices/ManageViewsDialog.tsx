import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import DriveFileRenameOutline from '@mui/icons-material/DriveFileRenameOutline';
import Star from '@mui/icons-material/Star';
import StarBorder from '@mui/icons-material/StarBorder';
import { ErrorNotice } from '../ErrorNotice';
import type { SavedViews } from './useSavedViews';

/** Rename, delete, and choose the view the Devices screen opens with. */
export function ManageViewsDialog({ saved, onClose }: { saved: SavedViews; onClose: () => void }) {
  const [renaming, setRenaming] = useState<{ from: string; to: string }>();
  const [deleting, setDeleting] = useState<string>();
  const views = saved.views ?? [];
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Manage views</DialogTitle>
      <DialogContent>
        <ErrorNotice error={saved.error} />
        <List aria-label="Saved views">
          {views.map((view) => (
            <ListItem
              key={view.name}
              secondaryAction={
                <Stack direction="row">
                  <Tooltip
                    title={
                      view.isDefault ? 'Opens the Devices screen' : 'Open Devices with this view'
                    }
                  >
                    <IconButton
                      aria-label={
                        view.isDefault
                          ? `${view.name} is the default view`
                          : `Make ${view.name} the default view`
                      }
                      aria-pressed={view.isDefault}
                      onClick={() => void saved.setDefault(view.isDefault ? undefined : view.name)}
                    >
                      {view.isDefault ? <Star color="primary" /> : <StarBorder />}
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Rename">
                    <IconButton
                      aria-label={`Rename ${view.name}`}
                      onClick={() => setRenaming({ from: view.name, to: view.name })}
                    >
                      <DriveFileRenameOutline />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Delete">
                    <IconButton
                      aria-label={`Delete ${view.name}`}
                      onClick={() => setDeleting(view.name)}
                    >
                      <DeleteOutline />
                    </IconButton>
                  </Tooltip>
                </Stack>
              }
            >
              {renaming?.from === view.name ? (
                <TextField
                  size="small"
                  label={`New name for ${view.name}`}
                  autoFocus
                  value={renaming.to}
                  onChange={(e) => setRenaming({ ...renaming, to: e.target.value })}
                  onKeyDown={async (e) => {
                    if (e.key === 'Escape') setRenaming(undefined);
                    if (e.key === 'Enter' && renaming.to.trim() !== '') {
                      if (await saved.rename(renaming.from, renaming.to.trim()))
                        setRenaming(undefined);
                    }
                  }}
                  helperText="Enter to rename, Escape to cancel"
                  sx={{ mr: 18 }}
                />
              ) : (
                <ListItemText
                  primary={view.name}
                  secondary={view.isDefault ? 'Default' : undefined}
                />
              )}
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
      <Dialog open={deleting !== undefined} onClose={() => setDeleting(undefined)} maxWidth="xs">
        <DialogTitle>Delete the view {deleting}?</DialogTitle>
        <DialogContent>
          The devices stay as they are; only this way of looking at them goes.
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(undefined)}>Cancel</Button>
          <Button
            color="error"
            variant="contained"
            onClick={async () => {
              if (deleting && (await saved.remove(deleting))) setDeleting(undefined);
            }}
          >
            Delete view
          </Button>
        </DialogActions>
      </Dialog>
    </Dialog>
  );
}
