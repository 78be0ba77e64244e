import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparedOrder, rankedOrder } from '../../shared/devices/grid-table/row-orders';

// A column whose values repeat is ordered by ranking its distinct values (one counting pass),
// a column whose values hardly repeat by comparing rows: both must give the same order.

describe('the ranked order of a repeating column', () => {
  it('equals the compared order: by value, then by row, rows without a value last', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('Paris', 'lyon', 'Berlin', 'berlin', '', 'Ōsaka'),
            fc.constant(undefined),
          ),
          {
            minLength: 160,
            maxLength: 400,
          },
        ),
        (values) => {
          const keyOf = (value: string | undefined) => (value ? value.toLowerCase() : undefined);
          const ranked = rankedOrder(values, keyOf);
          expect(ranked).toBeDefined();
          const keys = values.map(keyOf);
          expect([...ranked!.order]).toEqual([...comparedOrder(keys)]);
          expect(ranked!.filled).toBe(keys.filter((key) => key !== undefined).length);
        },
      ),
    );
  });

  it('orders numbers by value, and leaves a column whose values hardly repeat to comparison', () => {
    const numbers = Array.from({ length: 160 }, (_, i) => [10, 2, 33, undefined][i % 4]);
    const same = (value: number | undefined) => value;
    expect([...rankedOrder(numbers, same)!.order]).toEqual([...comparedOrder(numbers)]);
    expect(rankedOrder(numbers, same)!.order.slice(0, 3)).toEqual(Int32Array.from([1, 5, 9]));
    const unique = Array.from({ length: 1_000 }, (_, i) => `host-${i}`);
    expect(rankedOrder(unique, (value) => value)).toBeUndefined();
  });
});
