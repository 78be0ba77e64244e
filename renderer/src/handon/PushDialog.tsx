import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ContractError } from '../../../shared/contract/contract';
import { call, useBackend, useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { scopeCount, ScopeChooser, type DeviceSelection } from './scope';
import { useHandOn } from './useHandOn';
import { SekoiaTargetForm } from './SekoiaTargetForm';

/** Push to Sekoia: pick or set up a target, choose devices, watch batches, resume on failure. */
export function PushDialog({
  selection,
  onClose,
}: {
  selection: DeviceSelection;
  onClose: () => void;
}) {
  const api = useBackend();
  const targets = useQuery('sekoia.list', {});
  const [target, setTarget] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [keyNotice, setKeyNotice] = useState<string>();
  const [removeError, setRemoveError] = useState<ContractError>();
  const [includeDecommissioned, setIncludeDecommissioned] = useState(false);
  // A push sends devices to another system: it is confirmed, with the counts, before it starts.
  const [confirming, setConfirming] = useState(false);
  const { choice, setChoice, running, result, error, run } = useHandOn<'push.run'>(selection);
  const [progress, setProgress] = useState<{ delivered: number; total: number }>();
  useEvent('push.progress', (p) => setProgress(p));

  const list = targets.data ?? [];
  const chosen = target || list[0]?.name || '';
  const current = list.find((t) => t.name === chosen);
  const remove = async () => {
    const removed = await call(api, 'sekoia.remove', { name: chosen });
    setDeleting(false);
    if (!removed.ok) return setRemoveError(removed.error);
    setRemoveError(undefined);
    setTarget('');
    targets.reload();
  };
  const push = async (resume: boolean) => {
    setConfirming(false);
    setProgress(undefined);
    await run((scope) =>
      call(api, 'push.run', {
        target: chosen,
        scope,
        ...(resume ? { resume } : {}),
        ...(includeDecommissioned ? { includeDecommissioned } : {}),
      }),
    );
    targets.reload();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="push-title">
      <DialogTitle id="push-title">Push to Sekoia.io</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <ErrorNotice error={removeError} />
          {keyNotice && (
            <Alert severity="warning" onClose={() => setKeyNotice(undefined)}>
              {keyNotice}
            </Alert>
          )}
          {editing && current ? (
            <SekoiaTargetForm
              editing={current}
              onAdded={(name, keyDropped) => {
                setEditing(false);
                setTarget(name);
                targets.reload();
                if (keyDropped) {
                  setKeyNotice(
                    `${name} now points to another address, so its stored API key was forgotten. Edit it again to give the key for the new address.`,
                  );
                }
              }}
              onCancel={() => setEditing(false)}
            />
          ) : adding || (targets.data && list.length === 0) ? (
            <SekoiaTargetForm
              onAdded={(name) => {
                setAdding(false);
                setTarget(name);
                targets.reload();
              }}
              {...(list.length > 0 ? { onCancel: () => setAdding(false) } : {})}
            />
          ) : (
            <Stack direction="row" spacing={1}>
              <TextField
                select
                label="Target"
                value={chosen}
                onChange={(e) => setTarget(e.target.value)}
                sx={{ flexGrow: 1 }}
              >
                {list.map((t) => (
                  <MenuItem key={t.id} value={t.name}>
                    {t.name} · {t.baseUrl}
                  </MenuItem>
                ))}
              </TextField>
              <Button onClick={() => setEditing(true)} disabled={!current}>
                Edit
              </Button>
              <Button color="error" onClick={() => setDeleting(true)} disabled={!current}>
                Delete
              </Button>
              <Button onClick={() => setAdding(true)}>New target</Button>
            </Stack>
          )}
          <ScopeChooser selection={selection} value={choice} onChange={setChoice} />
          <FormControlLabel
            control={
              <Checkbox
                checked={includeDecommissioned}
                onChange={(e) => setIncludeDecommissioned(e.target.checked)}
              />
            }
            label="Include decommissioned devices (Sekoia's own connector leaves them out)"
          />
          {confirming && current && (
            <Alert severity="info" role="status" aria-label="Confirm the push">
              Send up to {plural(scopeCount(selection, choice), 'device')} to {current.name} (
              {current.baseUrl}) in about{' '}
              {plural(
                Math.ceil(scopeCount(selection, choice) / current.batchSize),
                'batch',
                'batches',
              )}
              ?{' '}
              {includeDecommissioned
                ? 'Decommissioned devices are included.'
                : 'Decommissioned devices are left out.'}{' '}
              Devices without a hostname are left out (Sekoia requires one).
            </Alert>
          )}
          {(running || progress) && (
            <>
              <LinearProgress
                aria-label="Push progress"
                variant={progress ? 'determinate' : 'indeterminate'}
                {...(progress
                  ? { value: (progress.delivered / Math.max(1, progress.total)) * 100 }
                  : {})}
              />
              {progress && (
                <Typography variant="body2">
                  Batch {progress.delivered} of {progress.total} delivered
                </Typography>
              )}
            </>
          )}
          {result && (
            <Alert severity={result.state === 'complete' ? 'success' : 'error'} role="status">
              {result.state === 'complete'
                ? `Delivered ${plural(result.deliveredItems, 'device')} in ${plural(result.deliveredBatches, 'batch', 'batches')}.`
                : `${result.message ?? 'The push stopped.'} Delivered ${result.deliveredBatches} of ${plural(result.batches, 'batch', 'batches')}; the rest wait in the outbox.`}
              {result.decommissionedLeftOut > 0 &&
                ` ${result.decommissionedLeftOut} decommissioned devices were left out.`}
              {result.skipped > 0 &&
                ` ${result.skipped} devices without a hostname were left out (Sekoia requires one).`}
            </Alert>
          )}
          <ErrorNotice error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
        {current?.resumable && (
          <Button onClick={() => void push(true)} disabled={running}>
            Resume failed push
          </Button>
        )}
        {confirming ? (
          <>
            <Button onClick={() => setConfirming(false)}>Back</Button>
            <Button variant="contained" onClick={() => void push(false)} disabled={running}>
              Push {plural(scopeCount(selection, choice), 'device')}
            </Button>
          </>
        ) : (
          <Button
            variant="contained"
            onClick={() => setConfirming(true)}
            disabled={running || !current}
          >
            Push…
          </Button>
        )}
      </DialogActions>
      <Dialog open={deleting} onClose={() => setDeleting(false)} maxWidth="xs">
        <DialogTitle>Delete the Sekoia target {chosen}?</DialogTitle>
        <DialogContent>
          Its settings go, and its API key is removed from the OS keychain. Devices already pushed
          stay in Sekoia.
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={() => void remove()}>
            Delete target
          </Button>
        </DialogActions>
      </Dialog>
    </Dialog>
  );
}

/** "1 device", "23,000 devices". */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
