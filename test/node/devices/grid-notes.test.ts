import { describe, expect, it } from 'vitest';
import { DeviceGrid } from '../../../electron/domains/devices/device-grid';
import type { GridRow } from '../../../shared/contract/views';
import { gridRowsAt } from '../../support/grid-rows';
import { EVERY_DEVICE } from '../../support/grid-query';

// Saving a note puts it into the rows the grid holds: the grid does not read the whole
// inventory again for it (a second at 100,000 devices), unless something else changed too.

const NOW = Date.UTC(2026, 5, 1);
const { row } = gridRowsAt(NOW);
const NOTES = { tags: ['vip'], note: 'Owner on leave.', triage: 'needs action' as const };

function gridOver(rows: GridRow[]) {
  let version = 1;
  let reads = 0;
  const grid = new DeviceGrid(
    () => {
      reads += 1;
      return rows.map((r) => ({ ...r, triage: 'unreviewed' }));
    },
    () => String(version),
  );
  return { grid, reads: () => reads, bump: () => (version += 1) };
}

const ROWS = ['1', '2', '3'].map((id) => row(id, { hostname: `host-${id}` }));
const where = (grid: DeviceGrid, text: string) =>
  grid.query({ ...EVERY_DEVICE, where: text }, undefined, 0, 10, NOW);

describe('notes saved while the grid holds its rows', () => {
  it('show at once, in the rows, the facet, the query and the sort, with no second read', () => {
    const { grid, reads, bump } = gridOver(ROWS);
    expect(where(grid, 'triage:"needs action"').shown).toBe(0);
    const before = grid.version();
    bump(); // the notes store's write changes the version
    grid.applyNotes({ console: 'prod', agentId: '2' }, NOTES, before);
    const page = where(grid, 'triage:"needs action" AND tag:vip AND note:*leave*');
    expect(page.rows.map((r) => r.agentId)).toEqual(['2']);
    expect(page.rows[0]).toMatchObject({ tags: ['vip'], note: 'Owner on leave.' });
    expect(Object.fromEntries(where(grid, '').facets.triage!)).toEqual({
      unreviewed: 2,
      'needs action': 1,
    });
    const sorted = grid.query(EVERY_DEVICE, { column: 'triage', direction: 'asc' }, 0, 10, NOW);
    expect(sorted.rows[0]!.agentId).toBe('2');
    expect(reads()).toBe(1);
  });

  it('wait for the next read when the inventory changed meanwhile', () => {
    const { grid, reads, bump } = gridOver(ROWS);
    where(grid, '');
    const before = grid.version();
    bump(); // a sync ended before the note was stored
    bump();
    grid.applyNotes({ console: 'prod', agentId: '2' }, NOTES, `${Number(before) + 1}`);
    where(grid, '');
    expect(reads()).toBe(2);
  });
});
