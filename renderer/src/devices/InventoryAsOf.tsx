import Typography from '@mui/material/Typography';
import { useEvent, useQuery } from '../backend/BackendContext';

/**
 * When the inventory the grid shows was taken: the oldest console's latest complete sync (the
 * grid is never newer than that), and how many consoles it spans.
 */
export function InventoryAsOf() {
  const consoles = useQuery('consoles.list', {});
  useEvent('sync.finished', consoles.reload);
  const taken = (consoles.data ?? [])
    .flatMap((c) => (c.inventory ? [c.inventory.takenAt] : []))
    .sort();
  if (taken.length === 0) return null;
  const oldest = new Date(taken[0]!).toLocaleString();
  return (
    <Typography variant="body2" color="text.secondary" data-testid="inventory-as-of">
      Inventory as of {oldest}
      {taken.length > 1 ? ` (oldest of ${taken.length} consoles)` : ''}
    </Typography>
  );
}
