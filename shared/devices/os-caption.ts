import {
  DEVICE_TYPE_CAPTIONS,
  MACHINE_TYPE_TO_DEVICE_TYPE,
  OS_TYPE_CAPTIONS,
  OS_TYPE_TO_OCSF,
} from '../ocsf/enums';

/**
 * SentinelOne's OS type as OCSF names it ("windows_legacy" is Windows), as the exports do: the
 * Overview's chart and the grid's OS facet both use it, so a click on one opens the other.
 */
export function osCaption(osType: string | undefined): string | undefined {
  if (osType === undefined) return undefined;
  const id = OS_TYPE_TO_OCSF[osType.trim().toLowerCase()];
  return id === undefined ? osType : OS_TYPE_CAPTIONS[id];
}

/**
 * SentinelOne's machine type as the exports' OCSF `device.type` reads ("laptop" is Laptop; a
 * type OCSF has no name for keeps its own): the Overview's legend and the grid's facet.
 */
export function deviceTypeCaption(machineType: string | undefined): string | undefined {
  if (machineType === undefined) return undefined;
  const id = MACHINE_TYPE_TO_DEVICE_TYPE[machineType.trim().toLowerCase()];
  return id === undefined ? machineType : DEVICE_TYPE_CAPTIONS[id];
}

/** Compares agent versions ("23.4.6.347" < "24.1.2.6") part by part, numbers as numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.\-_ ]/);
  const right = b.split(/[.\-_ ]/);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    const byNumber = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : 0;
    const order = byNumber || x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}
