import { describe, expect, it } from 'vitest';
import { COLUMN_SETS, columnSetState } from '../../renderer/src/devices/column-sets';
import { DEVICE_COLUMNS } from '../../renderer/src/devices/columns';

const ids = DEVICE_COLUMNS.map((column) => column.colId!);

describe('column sets', () => {
  it('name only columns the grid has, each once, the pinned hostname in every one', () => {
    for (const set of COLUMN_SETS) {
      expect(ids, set.name).toEqual(expect.arrayContaining([...set.columns]));
      expect(new Set(set.columns).size, set.name).toBe(set.columns.length);
      expect(set.columns, set.name).toContain('hostname');
    }
  });

  it('show a set’s columns in its order and hide every other one', () => {
    const duplicates = COLUMN_SETS.find((set) => set.name === 'Duplicates')!;
    const state = columnSetState(duplicates.columns);
    expect(state.filter((s) => !s.hide).map((s) => s.colId)).toEqual(duplicates.columns);
    expect(state.map((s) => s.colId).sort()).toEqual([...ids].sort());
    expect(state.find((s) => s.colId === 'firewall')?.hide).toBe(true);
  });

  it('the default set is the grid as it first opens', () => {
    const initial = DEVICE_COLUMNS.filter((column) => !column.hide).map((column) => column.colId);
    expect(COLUMN_SETS.find((set) => set.name === 'Default')!.columns).toEqual(initial);
  });
});
