import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ConsoleDiff } from '../../../shared/contract/views';
import { useEvent, useQuery } from '../backend/BackendContext';
import { saveText } from '../download';
import { ErrorNotice } from '../ErrorNotice';
import { CsvButton, ScreenHeader } from '../ScreenHeader';
import { navigate, useRoute } from '../routing/useRoute';
import {
  CHANGE_KINDS,
  changeRows,
  changesCsv,
  INSTALLED,
  type ChangeKind,
  type ChangeRow,
  choicesOf,
  filterChanges,
} from './change-rows';
import { ChoiceFilter } from './ChoiceFilter';

const KIND_LABELS: Record<ChangeKind, string> = {
  new: 'New',
  gone: 'Gone',
  changed: 'Changed',
  software: 'Software',
};
// Filled chips whose white text keeps a 4.5:1 contrast (MUI's warning and info do not).
const KIND_TONES = {
  new: 'success',
  gone: 'error',
  changed: 'primary',
  software: 'default',
} as const;
/** Rows a page of the table shows; the table pages through every change (issue 29). */
const PAGE_SIZES = [100, 250, 500];

/** The comparison the address names: one console's two chosen snapshots, or every console's last two. */
function diffArgs(query: URLSearchParams) {
  const console = query.get('in');
  if (console === null) return {};
  const id = (key: string) => {
    const value = Number(query.get(key) ?? Number.NaN);
    return Number.isInteger(value) ? { [key]: value } : {};
  };
  return { console, ...id('from'), ...id('to') };
}

/**
 * What changed: devices new, gone and changed between each console's last two snapshots, or
 * between any two snapshots one console keeps (the address names them: `in`, `from`, `to`).
 */
export function ChangesScreen() {
  const route = useRoute();
  const args = useMemo(() => diffArgs(route.query), [route.query]);
  const diff = useQuery('diff.run', args);
  useEvent('sync.finished', diff.reload);
  const [kinds, setKinds] = useState<ChangeKind[]>([...CHANGE_KINDS]);
  const all = useMemo(() => changeRows(diff.data ?? []), [diff.data]);
  const [field, setField] = useState<string>();
  const [site, setSite] = useState<string>();
  const choices = useMemo(() => choicesOf(all), [all]);
  const rows = filterChanges(all, {
    kinds,
    ...(field !== undefined && choices.fields.includes(field) ? { field } : {}),
    ...(site !== undefined && choices.sites.includes(site) ? { site } : {}),
  });
  const [paging, setPaging] = useState({ page: 0, size: PAGE_SIZES[0]! });
  // A page past the end (fewer rows after a new comparison or kinds) shows the last one.
  const lastPage = Math.max(0, Math.ceil(rows.length / paging.size) - 1);
  const page = Math.min(paging.page, lastPage);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <Box sx={{ p: { xs: 1.5, md: 3 } }}>
      <ScreenHeader title="Changes">
        <CsvButton name="changes" csv={() => changesCsv(all)} empty={all.length === 0} />
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
      </ScreenHeader>
      <ErrorNotice error={diff.error} />
      {/* A comparison of large snapshots takes seconds: say so, never show the last one's. */}
      {diff.loading && (
        <Box role="status" sx={{ my: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Comparing the snapshots…
          </Typography>
          <LinearProgress aria-label="Comparing the snapshots" />
        </Box>
      )}
      {'console' in args && (
        <Button
          size="small"
          sx={{ mb: 1 }}
          onClick={() => navigate({ screen: 'changes', query: new URLSearchParams() })}
        >
          Every console, last two syncs
        </Button>
      )}
      {(diff.data ?? []).map((console) => (
        <ConsoleSummary key={console.console} diff={console} />
      ))}
      {all.length > 0 && (
        <>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ my: 1, flexWrap: 'wrap', alignItems: 'center' }}
          >
            <ToggleButtonGroup
              size="small"
              value={kinds}
              onChange={(_e, next: ChangeKind[]) => setKinds(next)}
              aria-label="Changes shown"
            >
              {CHANGE_KINDS.map((kind) => (
                <ToggleButton key={kind} value={kind}>
                  {KIND_LABELS[kind]} ·{' '}
                  {all.filter((r) => r.change === kind).length.toLocaleString()}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <ChoiceFilter
              label="Column changed"
              every="Any column"
              choices={choices.fields}
              value={field}
              onChange={setField}
            />
            <ChoiceFilter
              label="Site"
              every="Every site"
              choices={choices.sites}
              value={site}
              onChange={setSite}
            />
            <Typography variant="body2" color="text.secondary" aria-live="polite">
              {rows.length.toLocaleString()} of {all.length.toLocaleString()} rows
            </Typography>
          </Stack>
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
                {rows.slice(page * paging.size, (page + 1) * paging.size).map((row) => (
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
                      <WhatChanged row={row} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={rows.length}
            page={page}
            rowsPerPage={paging.size}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={(_event, next) => setPaging({ ...paging, page: next })}
            onRowsPerPageChange={(event) =>
              setPaging({ page: 0, size: Number(event.target.value) })
            }
            labelRowsPerPage="Changes per page"
          />
        </>
      )}
    </Box>
  );
}

/** A device's changed fields, before → after; or the applications it installed and removed. */
function WhatChanged({ row }: { row: ChangeRow }) {
  if (row.change !== 'software') {
    return row.fields.map((f) => (
      <div key={f.field}>
        <strong>{f.field}</strong>: {f.before || '—'} → {f.after || '—'}
      </div>
    ));
  }
  return row.fields.map((f, i) => {
    const installed = f.field === INSTALLED;
    return (
      <div key={i}>
        <Box
          component="span"
          sx={{ fontWeight: 600, color: installed ? 'success.dark' : 'error.dark' }}
        >
          {installed ? 'Installed' : 'Removed'}
        </Box>{' '}
        {installed ? f.after : f.before}
      </div>
    );
  });
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
    <Box component="section" aria-label={`${diff.console}: snapshots compared`} sx={{ mb: 2 }}>
      <Typography variant="body1" sx={{ mb: 1 }}>
        <strong>{diff.console}</strong>: {diff.added.length.toLocaleString()} new,{' '}
        {diff.removed.length.toLocaleString()} gone, {diff.changed.length.toLocaleString()} changed,
        {diff.software.length > 0 &&
          ` ${diff.software.length.toLocaleString()} with applications installed or removed,`}{' '}
        between the sync of {when(diff.from.takenAt)} ({diff.from.devices.toLocaleString()} devices)
        and that of {when(diff.to.takenAt)} ({diff.to.devices.toLocaleString()} devices).
      </Typography>
      {diff.snapshots.length > 2 ? (
        <SnapshotPicker diff={diff} from={diff.from.id} to={diff.to.id} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {diff.console} has {diff.snapshots.length} snapshots so far. To compare with older syncs,
          keep more (Consoles → Edit → Snapshots to keep) and sync again.
        </Typography>
      )}
    </Box>
  );
}

/** Two of the snapshots a console keeps, chosen by when they were taken. */
function SnapshotPicker({ diff, from, to }: { diff: ConsoleDiff; from: number; to: number }) {
  const choose = (pair: { from: number; to: number }) =>
    navigate({
      screen: 'changes',
      query: new URLSearchParams({
        in: diff.console,
        from: String(pair.from),
        to: String(pair.to),
      }),
    });
  const option = (snapshot: ConsoleDiff['snapshots'][number]) => (
    <MenuItem key={snapshot.id} value={snapshot.id}>
      {new Date(snapshot.takenAt).toLocaleString()} · {snapshot.devices.toLocaleString()} devices
    </MenuItem>
  );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label={`${diff.console}: compare the sync of`}
        value={from}
        onChange={(e) => choose({ from: Number(e.target.value), to })}
        sx={{ minWidth: 300 }}
      >
        {diff.snapshots.filter((snapshot) => snapshot.id !== to).map(option)}
      </TextField>
      <TextField
        select
        size="small"
        label="with that of"
        value={to}
        onChange={(e) => choose({ from, to: Number(e.target.value) })}
        sx={{ minWidth: 300 }}
      >
        {diff.snapshots.filter((snapshot) => snapshot.id !== from).map(option)}
      </TextField>
    </Stack>
  );
}
