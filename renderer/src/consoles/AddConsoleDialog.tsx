import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ContractError } from '../../../shared/contract/contract';
import type { ConnectionReport, ConsoleView } from '../../../shared/contract/views';
import { call, useBackend } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { DEFAULT_APIS, OptionalEntities } from './OptionalEntities';

export interface ConsoleDraft {
  name: string;
  url: string;
  token: string;
}

/**
 * Add a console, or edit one (`existing`). The token field is masked and the token goes straight
 * to the OS keychain; when editing, an empty token keeps the stored one.
 */
export function AddConsoleDialog({
  open,
  initial,
  existing,
  onClose,
  onAdded,
}: {
  open: boolean;
  initial?: Partial<ConsoleDraft>;
  existing?: ConsoleView;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const api = useBackend();
  const [name, setName] = useState(existing?.name ?? initial?.name ?? '');
  const [url, setUrl] = useState(existing?.url ?? initial?.url ?? '');
  const [token, setToken] = useState(initial?.token ?? '');
  const [proxyUrl, setProxyUrl] = useState(existing?.proxyUrl ?? '');
  const [caBundle, setCaBundle] = useState(existing?.caBundle ?? '');
  const [historySince, setHistorySince] = useState(existing?.historySince ?? '');
  const [apis, setApis] = useState<string[]>([...(existing?.apis ?? DEFAULT_APIS)]);
  const [keepSnapshots, setKeepSnapshots] = useState(
    existing ? String(existing.keepSnapshots) : '',
  );
  /** The number typed; what is not one is left to the backend, whose error says what fits. */
  const keepArg = () =>
    keepSnapshots.trim() === '' ? {} : { keepSnapshots: Number(keepSnapshots) };
  const [error, setError] = useState<ContractError>();
  const [busy, setBusy] = useState(false);
  // A new console is tested before it is saved; a failed test is shown, and saving it anyway
  // is one more click (a console may be unreachable from here and still right).
  const [failedTest, setFailedTest] = useState<ConnectionReport>();
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setFailedTest(undefined);
      set(value);
    };
  // A stored token is only ever sent to the origin it was stored for (the backend enforces it).
  const movesOrigin = existing?.tokenStored === true && originOf(url) !== originOf(existing.url);

  const submit = async () => {
    setBusy(true);
    if (!existing && token !== '' && failedTest === undefined) {
      const tested = await call(api, 'consoles.probe', {
        url: url.trim(),
        token,
        ...(proxyUrl.trim() === '' ? {} : { proxyUrl: proxyUrl.trim() }),
        ...(caBundle.trim() === '' ? {} : { caBundle: caBundle.trim() }),
      });
      if (!tested.ok || !tested.value.ok) {
        setBusy(false);
        if (!tested.ok) return setError(tested.error);
        return setFailedTest(tested.value);
      }
    }
    const result = existing ? await saveEdit(existing.name) : await add();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setToken('');
    onAdded(result.value.name);
  };
  const saveEdit = async (current: string) => {
    const changes = {
      name: name.trim(),
      url: url.trim(),
      proxyUrl: proxyUrl.trim(),
      caBundle: caBundle.trim(),
      historySince: historySince.trim(),
      apis,
      ...keepArg(),
    };
    const edited = await call(api, 'consoles.edit', { name: current, changes });
    if (!edited.ok || token === '') return edited;
    return call(api, 'consoles.setToken', { name: edited.value.name, token });
  };
  const add = () =>
    call(api, 'consoles.add', {
      name: name.trim(),
      url: url.trim(),
      ...(token === '' ? {} : { token }),
      ...(proxyUrl.trim() === '' ? {} : { proxyUrl: proxyUrl.trim() }),
      ...(caBundle.trim() === '' ? {} : { caBundle: caBundle.trim() }),
      ...(historySince.trim() === '' ? {} : { historySince: historySince.trim() }),
      apis,
      ...keepArg(),
    });

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="add-console">
      <DialogTitle id="add-console">
        {existing ? `Edit console ${existing.name}` : 'Add a SentinelOne console'}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="Name"
            value={name}
            onChange={(e) => edit(setName)(e.target.value)}
            required
            autoFocus
          />
          <TextField
            label="Console URL"
            placeholder="https://your-tenant.sentinelone.net"
            value={url}
            onChange={(e) => edit(setUrl)(e.target.value)}
            required
          />
          <TextField
            label="API token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => edit(setToken)(e.target.value)}
            required={movesOrigin}
            helperText={
              movesOrigin
                ? 'The console moves to another host, so its stored token will be forgotten: enter the token for the new URL.'
                : existing
                  ? 'Leave empty to keep the stored token. Stored only in the OS keychain.'
                  : 'Stored only in the OS keychain; never shown again.'
            }
          />
          <TextField
            label="Proxy (optional)"
            placeholder="http://proxy.corp:3128"
            value={proxyUrl}
            onChange={(e) => edit(setProxyUrl)(e.target.value)}
          />
          <TextField
            label="CA bundle file (optional)"
            placeholder="/etc/ssl/corp-ca.pem"
            value={caBundle}
            onChange={(e) => edit(setCaBundle)(e.target.value)}
            helperText="For a TLS-inspecting proxy: a PEM file with its CA."
          />
          <TextField
            label="History to read (optional)"
            placeholder="90d or 2025-01-01"
            value={historySince}
            onChange={(e) => setHistorySince(e.target.value)}
            helperText="How far back threats and activities go. Empty: every threat, and the last 30 days of activities. A wider window is filled on the next sync."
          />
          <TextField
            label="Snapshots to keep"
            placeholder="2"
            type="number"
            value={keepSnapshots}
            onChange={(e) => setKeepSnapshots(e.target.value)}
            slotProps={{ htmlInput: { min: 1, max: 100 } }}
            helperText="Complete syncs kept, so Changes can compare any two. 2: each sync with the one before it. Each one costs only the devices that changed."
          />
          <OptionalEntities apis={apis} onChange={setApis} />
          {failedTest && (
            <Alert severity="warning" role="alert" aria-label="Connection test failed">
              {failedTest.message} {failedTest.nextStep} You can add the console anyway and fix it
              later.
            </Alert>
          )}
          <ErrorNotice error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || !name || !url}>
          {existing ? 'Save' : failedTest ? 'Add anyway' : busy ? 'Testing…' : 'Add console'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`).origin;
  } catch {
    return undefined;
  }
}
