import Chip from '@mui/material/Chip';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DeviceHistory } from '../../../shared/contract/views';
import { useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { Frame } from './DeviceTables';

const EVENTS: Record<
  DeviceHistory['events'][number]['kind'],
  { label: string; color: 'default' | 'info' | 'warning' | 'success' }
> = {
  first: { label: 'First seen', color: 'success' },
  changed: { label: 'Changed', color: 'info' },
  gone: { label: 'Not in snapshot', color: 'warning' },
  back: { label: 'Back', color: 'success' },
};

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/**
 * The device page's History tab: the device across the snapshots its console keeps, newest
 * first, with what changed in each (the Changes screen's columns).
 */
export function DeviceHistoryPane({
  console: consoleName,
  agentId,
}: {
  console: string;
  agentId: string;
}) {
  const history = useQuery('devices.history', { console: consoleName, agentId });
  const h = history.data;
  if (!h) return <ErrorNotice error={history.error} />;
  return (
    <Frame
      label="Device history"
      caption={`First seen ${when(h.firstSeen)} · last seen ${when(h.lastSeen)} · in ${h.present} of the ${h.snapshots} snapshots this console keeps.`}
    >
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Event</TableCell>
          <TableCell>What changed</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...h.events].reverse().map((event) => (
          <TableRow key={event.snapshotId}>
            <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {when(event.takenAt)}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <Chip
                size="small"
                variant="outlined"
                color={EVENTS[event.kind].color}
                label={EVENTS[event.kind].label}
              />
            </TableCell>
            <TableCell>
              {event.fields.length === 0
                ? '—'
                : event.fields.map((field) => (
                    <Typography key={field.field} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                      <strong>{field.field}</strong>: {field.before || '—'} → {field.after || '—'}
                    </Typography>
                  ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Frame>
  );
}
