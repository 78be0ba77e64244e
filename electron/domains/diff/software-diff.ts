import type { SoftwareChange, SoftwareItem } from '../../../shared/contract/views';
import type { SoftwareStore } from '../../storage/software-store';

/**
 * The applications each device installed and removed after snapshot `fromId` up to `toId`, as
 * the walks of those snapshots found them; each device named as the later snapshot holds it.
 * An update shows as its new version installed and its old one removed.
 */
export function softwareDiff(
  software: SoftwareStore,
  consoleId: string,
  fromId: number,
  toId: number,
  /** Each device's hostname, as the later snapshot holds it. */
  hostnamesOf: (agentIds: string[]) => Map<string, string>,
): SoftwareChange[] {
  const deltas = software.changes.between(consoleId, fromId, toId);
  if (deltas.size === 0) return [];
  const ids = [...deltas.values()].flatMap((delta) => [...delta.installed, ...delta.removed]);
  const catalogue = software.catalogue(ids);
  const items = (list: Uint32Array): SoftwareItem[] =>
    [...list]
      .flatMap((id) => {
        const found = catalogue.get(id);
        return found ? [found] : [];
      })
      .sort(byNameThenVersion);
  const hostnames = hostnamesOf([...deltas.keys()]);
  return [...deltas].map(([agentId, delta]) => {
    const hostname = hostnames.get(agentId);
    return {
      agentId,
      ...(hostname === undefined ? {} : { hostname }),
      installed: items(delta.installed),
      removed: items(delta.removed),
    };
  });
}

const byNameThenVersion = (a: SoftwareItem, b: SoftwareItem) =>
  a.name.localeCompare(b.name) ||
  a.version.localeCompare(b.version, undefined, { numeric: true }) ||
  a.vendor.localeCompare(b.vendor);
