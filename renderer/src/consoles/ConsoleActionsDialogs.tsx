import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import type { ContractError } from '../../../shared/contract/contract';
import { call, useBackend } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';

/** A new token for a console (tokens expire); masked, straight to the keychain. */
export function SetTokenDialog({
  name,
  onClose,
}: {
  name?: string;
  onClose: (changed: boolean) => void;
}) {
  const api = useBackend();
  const [token, setToken] = useState('');
  const [error, setError] = useState<ContractError>();
  const save = async () => {
    const result = await call(api, 'consoles.setToken', { name: name!, token });
    if (!result.ok) return setError(result.error);
    setToken('');
    onClose(true);
  };
  return (
    <Dialog
      open={name !== undefined}
      onClose={() => onClose(false)}
      fullWidth
      maxWidth="xs"
      aria-labelledby="set-token-title"
    >
      <DialogTitle id="set-token-title">New API token for {name}</DialogTitle>
      <DialogContent>
        <TextField
          label="API token"
          type="password"
          autoComplete="off"
          fullWidth
          autoFocus
          value={token}
          onChange={(e) => setToken(e.target.value)}
          sx={{ mt: 1 }}
        />
        <ErrorNotice error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button variant="contained" disabled={token === ''} onClick={() => void save()}>
          Save token
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Removal asks before it deletes a console's synced data. */
export function RemoveConsoleDialog({
  name,
  onClose,
}: {
  name?: string;
  onClose: (changed: boolean) => void;
}) {
  const api = useBackend();
  const [deleteData, setDeleteData] = useState(false);
  const [error, setError] = useState<ContractError>();
  const remove = async () => {
    const result = await call(api, 'consoles.remove', { name: name!, deleteData });
    if (!result.ok) return setError(result.error);
    onClose(true);
  };
  return (
    <Dialog open={name !== undefined} onClose={() => onClose(false)} fullWidth maxWidth="xs">
      <DialogTitle>Remove {name}?</DialogTitle>
      <DialogContent>
        <DialogContentText>Its token is deleted from the keychain.</DialogContentText>
        <FormControlLabel
          control={
            <Checkbox checked={deleteData} onChange={(e) => setDeleteData(e.target.checked)} />
          }
          label="Also delete its synced devices, threats and activities"
        />
        <ErrorNotice error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button color="error" variant="contained" onClick={() => void remove()}>
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
