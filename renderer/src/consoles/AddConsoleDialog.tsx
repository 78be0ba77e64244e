import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ContractError } from '../../../shared/contract/contract';
import { call, useBackend } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';

export interface ConsoleDraft {
  name: string;
  url: string;
  token: string;
}

/** Add a console: the token field is masked and the token goes straight to the OS keychain. */
export function AddConsoleDialog({
  open,
  initial,
  onClose,
  onAdded,
}: {
  open: boolean;
  initial?: Partial<ConsoleDraft>;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const api = useBackend();
  const [name, setName] = useState(initial?.name ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [token, setToken] = useState(initial?.token ?? '');
  const [proxyUrl, setProxyUrl] = useState('');
  const [caBundle, setCaBundle] = useState('');
  const [error, setError] = useState<ContractError>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const result = await call(api, 'consoles.add', {
      name: name.trim(),
      url: url.trim(),
      ...(token === '' ? {} : { token }),
      ...(proxyUrl.trim() === '' ? {} : { proxyUrl: proxyUrl.trim() }),
      ...(caBundle.trim() === '' ? {} : { caBundle: caBundle.trim() }),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setToken('');
    onAdded(result.value.name);
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="add-console">
      <DialogTitle id="add-console">Add a SentinelOne console</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoFocus
          />
          <TextField
            label="Console URL"
            placeholder="https://your-tenant.sentinelone.net"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
          />
          <TextField
            label="API token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            helperText="Stored only in the OS keychain; never shown again."
          />
          <TextField
            label="Proxy (optional)"
            placeholder="http://proxy.corp:3128"
            value={proxyUrl}
            onChange={(e) => setProxyUrl(e.target.value)}
          />
          <TextField
            label="CA bundle file (optional)"
            placeholder="/etc/ssl/corp-ca.pem"
            value={caBundle}
            onChange={(e) => setCaBundle(e.target.value)}
            helperText="For a TLS-inspecting proxy: a PEM file with its CA."
          />
          <ErrorNotice error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || !name || !url}>
          Add console
        </Button>
      </DialogActions>
    </Dialog>
  );
}
