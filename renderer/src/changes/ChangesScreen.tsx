import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ConsoleDiff } from '../../../shared/contract/views';
import { useEvent, useQuery } from '../backend/BackendContext';
import { saveText } from '../download';
import { ErrorNotice } from '../ErrorNotice';
import { navigate } from '../routing/useRoute';
import { changeRows, changesCsv, type ChangeKind } from './change-rows';

const KIND_LABELS: Record<ChangeKind, string> = { new: 'New', gone: 'Gone', changed: 'Changed' };
// Filled chips whose white text keeps a 4.5:1 contrast (MUI's warning and info do not).
const KIND_TONES = { new: 'success', gone: 'error', changed: 'primary' } as const;
/** Enough to read; the CSV and JSON hold every change. */
const SHOWN = 500;

/** What changed: devices new, gone and changed between each console's last two snapshots. */
export function ChangesScreen() {
  const diff = useQuery('diff.run', {});
  useEvent('sync.finished', diff.reload);
  const [kinds, setKinds] = useState<ChangeKind[]>(['new', 'gone', 'changed']);
  const all = useMemo(() => changeRows(diff.data ?? []), [diff.data]);
  const rows = all.filter((row) => kinds.includes(row.change));
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <Box sx={{ p: { xs: 1.5, md: 3 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Changes
        </Typography>
        <Button
          variant="outlined"
          disabled={all.length === 0}
          onClick={() => saveText(`s1-inventory-changes-${stamp}.csv`, changesCsv(all), 'text/csv')}
        >
          Export CSV
        </Button>
        <Button
          variant="outlined"
          disabled={!diff.data}
          onClick={() =>
            saveText(
              `s1-inventory-changes-${stamp}.json`,
              `${JSON.stringify(diff.data, null, 2)}\n`,
              'application/json',
            )
          }
        >
          Export JSON
        </Button>
      </Stack>
      <ErrorNotice error={diff.error} />
      {(diff.data ?? []).map((console) => (
        <ConsoleSummary key={console.console} diff={console} />
      ))}
      {all.length > 0 && (
        <>
          <ToggleButtonGroup
            size="small"
            value={kinds}
            onChange={(_e, next: ChangeKind[]) => setKinds(next)}
            aria-label="Changes shown"
            sx={{ my: 1 }}
          >
            {(['new', 'gone', 'changed'] as const).map((kind) => (
              <ToggleButton key={kind} value={kind}>
                {KIND_LABELS[kind]} · {all.filter((r) => r.change === kind).length.toLocaleString()}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Changed devices">
              <TableHead>
                <TableRow>
                  <TableCell>Change</TableCell>
                  <TableCell>Console</TableCell>
                  <TableCell>Hostname</TableCell>
                  <TableCell>What changed</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.slice(0, SHOWN).map((row) => (
                  <TableRow key={`${row.console}/${row.change}/${row.agentId}`} hover>
                    <TableCell>
                      <Chip
                        size="small"
                        label={KIND_LABELS[row.change]}
                        color={KIND_TONES[row.change]}
                      />
                    </TableCell>
                    <TableCell>{row.console}</TableCell>
                    <TableCell>
                      {row.change === 'gone' ? (
                        row.hostname || row.agentId
                      ) : (
                        <Button
                          size="small"
                          sx={{ textTransform: 'none', p: 0, minWidth: 0 }}
                          onClick={() =>
                            navigate({
                              screen: 'devices',
                              query: new URLSearchParams({ in: row.console, device: row.agentId }),
                            })
                          }
                        >
                          {row.hostname || row.agentId}
                        </Button>
                      )}
                    </TableCell>
                    <TableCell>
                      {row.fields.map((f) => (
                        <div key={f.field}>
                          <strong>{f.field}</strong>: {f.before || '—'} → {f.after || '—'}
                        </div>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {rows.length > SHOWN && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Showing the first {SHOWN.toLocaleString()} of {rows.length.toLocaleString()}; the CSV
              and JSON hold them all.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

function ConsoleSummary({ diff }: { diff: ConsoleDiff }) {
  if (!diff.from || !diff.to) {
    return (
      <Alert severity="info" sx={{ mb: 1 }}>
        {diff.console}: {diff.note ?? 'nothing to compare yet.'}
      </Alert>
    );
  }
  const when = (at: string) => new Date(at).toLocaleString();
  return (
    <Typography variant="body1" sx={{ mb: 1 }}>
      <strong>{diff.console}</strong>: {diff.added.length.toLocaleString()} new,{' '}
      {diff.removed.length.toLocaleString()} gone, {diff.changed.length.toLocaleString()} changed,
      between the sync of {when(diff.from.takenAt)} ({diff.from.devices.toLocaleString()} devices)
      and that of {when(diff.to.takenAt)} ({diff.to.devices.toLocaleString()} devices).
    </Typography>
  );
}
