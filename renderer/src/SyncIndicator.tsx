import { useState } from 'react';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import { useEvent, useQuery } from './backend/BackendContext';

/**
 * Whether a sync is running, on every screen: which consoles, and how far the agents walk has
 * come. It follows the backend's events, so a sync started from anywhere shows.
 */
export function SyncIndicator() {
  const consoles = useQuery('consoles.list', {});
  useEvent('console.changed', consoles.reload);
  useEvent('sync.finished', consoles.reload);
  const [progress, setProgress] = useState<Record<string, { fetched: number; expected?: number }>>(
    {},
  );
  useEvent('sync.progress', (p) => {
    if (p.api !== 'agents') return;
    setProgress((all) => ({
      ...all,
      [p.console]: {
        fetched: p.fetched,
        ...(p.expected === undefined ? {} : { expected: p.expected }),
      },
    }));
  });
  const syncing = (consoles.data ?? []).filter((c) => c.syncing).map((c) => c.name);
  const [first] = syncing;
  const label =
    first === undefined
      ? ''
      : syncing.length > 1
        ? `Syncing ${syncing.length} consoles`
        : progress[first]?.expected
          ? `Syncing ${first}: ${progress[first]!.fetched.toLocaleString()} of ${progress[first]!.expected!.toLocaleString()} agents`
          : `Syncing ${first}`;
  return (
    <span aria-live="polite">
      {first !== undefined && (
        <Chip
          size="small"
          icon={<CircularProgress size={14} color="inherit" aria-hidden />}
          label={label}
          sx={{ color: 'inherit', borderColor: 'currentColor' }}
          variant="outlined"
        />
      )}
    </span>
  );
}
