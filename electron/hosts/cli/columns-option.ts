import { InvalidArgumentError } from 'commander';
import { closest } from 'fastest-levenshtein';
import { DEVICE_COLUMNS, type DeviceRow } from '../../../shared/devices/device-row';

/** What `--columns` says in a command's help. */
export const COLUMNS_HELP = `only these device columns, in this order, by the names the JSON uses, comma-separated (hostname,agentId,lastSeen); the columns: ${DEVICE_COLUMNS.map((column) => column.key).join(', ')}`;

const KEYS = DEVICE_COLUMNS.map((column) => column.key);

/**
 * A `--columns` list, read before anything runs: each name is a device column's key, as in
 * `--json` and the contract (case aside); a name that is none is a usage error that suggests the
 * nearest.
 */
export function deviceColumns(text: string): (keyof DeviceRow)[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('Name at least one column.');
  return names.map((name) => {
    const key = KEYS.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key) return key;
    throw new InvalidArgumentError(
      `There is no device column "${name}"; did you mean ${closest(name, KEYS)}? The columns: ${KEYS.join(', ')}.`,
    );
  });
}
