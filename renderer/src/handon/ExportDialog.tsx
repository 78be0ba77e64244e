import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { call, useBackend, useEvent } from '../backend/BackendContext';
import { saveUrl } from '../download';
import { ErrorNotice } from '../ErrorNotice';
import { ScopeChooser, type DeviceSelection } from './scope';
import { useHandOn } from './useHandOn';
import { EXPORT_FORMAT_INFO, type ExportFormat } from '../../../shared/export-formats';
import { ENTITIES, ENTITY_NAMES, formatsOf } from '../../../shared/entities';

/** What the dialog exports: the entities whose records belong to the devices chosen below. */
const OFFERED = ENTITY_NAMES.filter((name) => ENTITIES[name].byDevice);
type Entity = (typeof OFFERED)[number];

/** Export: what, format, scope, destination (save dialog or download), progress, result. */
export function ExportDialog({
  selection,
  onClose,
}: {
  selection: DeviceSelection;
  onClose: () => void;
}) {
  const api = useBackend();
  const [entity, setEntity] = useState<Entity>('agents');
  const [format, setFormat] = useState<ExportFormat>('ocsf-json');
  const chooseEntity = (next: Entity) => {
    setEntity(next);
    if (!formatsOf(next).includes(format)) setFormat('ocsf-json');
  };
  const {
    choice,
    setChoice,
    running,
    result,
    error,
    run: runCall,
  } = useHandOn<'export.run'>(selection);
  const [written, setWritten] = useState(0);
  useEvent('export.progress', ({ records }) => setWritten(records));

  const run = async () => {
    const outcome = await runCall((scope) =>
      call(api, 'export.run', { format, scope, ...(entity === 'agents' ? {} : { entity }) }),
    );
    if (outcome?.status === 'written' && outcome.downloadUrl) {
      saveUrl(
        outcome.path
          .split('/')
          .pop()!
          .replace(/^[0-9a-f-]{36}-/, ''),
        outcome.downloadUrl,
      );
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="export-title">
      <DialogTitle id="export-title">Export</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label="What"
            value={entity}
            onChange={(e) => chooseEntity(e.target.value as Entity)}
            helperText={ENTITIES[entity].exportHint}
          >
            {OFFERED.map((name) => (
              <MenuItem key={name} value={name}>
                {ENTITIES[name].label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Format"
            value={format}
            onChange={(e) => setFormat(e.target.value as typeof format)}
          >
            {formatsOf(entity).map((id) => (
              <MenuItem key={id} value={id}>
                {EXPORT_FORMAT_INFO[id].label}
              </MenuItem>
            ))}
          </TextField>
          <ScopeChooser selection={selection} value={choice} onChange={setChoice} />
          {running && (
            <>
              <LinearProgress aria-label="Export progress" />
              <Typography variant="body2">{written.toLocaleString()} records written…</Typography>
            </>
          )}
          {result?.status === 'cancelled' && (
            <Alert severity="info">Export cancelled: nothing was written.</Alert>
          )}
          {result?.status === 'written' && (
            <Alert severity="success" role="status">
              Exported {result.records.toLocaleString()} records to{' '}
              {result.downloadUrl ? 'your downloads' : result.path}
              {result.skipped > 0 && ` (${result.skipped} left out: Sekoia needs a hostname)`}.
              <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                sha256 {result.sha256}
              </Typography>
            </Alert>
          )}
          <ErrorNotice error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
        <Button variant="contained" onClick={() => void run()} disabled={running}>
          Export
        </Button>
      </DialogActions>
    </Dialog>
  );
}
