import { InvalidArgumentError } from 'commander';

/**
 * A whole-number option (`--from 12`, `--keep-snapshots 5`): anything else is a usage error
 * that says what fits, rather than a NaN the contract refuses in its own words.
 */
export function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError(`"${value}" is not a whole number: give one, e.g. 5.`);
  }
  return number;
}
