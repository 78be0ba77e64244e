import { err, ok, type Result } from '../result';
import { isPlainObject } from '../lenient';
import { withoutUndefined } from '../objects';
import { OCSF_VERSION, PACKAGE_TYPE_APPLICATION, SoftwareInventoryInfo } from './enums';
import type { DeviceReference } from './device-reference';

// One installed application of one device (`/agents/applications`, reference apps §4) as an
// OCSF 1.6.0 Software Inventory Info record (5020): Collect, the application in `sbom.package`
// (the class's `package` is deprecated since 1.4.0), the device as its own record names it, and
// what the class has no attribute for (install date, size) in `unmapped`.

const VENDOR = 'SentinelOne';

export interface SoftwareMapContext {
  device: DeviceReference;
  /** When the application was read: the record's time. */
  readTimeMs: number;
}

export function mapApplicationToSoftwareInfo(
  raw: unknown,
  context: SoftwareMapContext,
): Result<Record<string, unknown>, { reason: string }> {
  if (!isPlainObject(raw)) return err({ reason: 'not a JSON object' });
  const name = raw.name;
  if (typeof name !== 'string' || name === '') return err({ reason: 'no string "name"' });
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return ok(
    withoutUndefined({
      ...SoftwareInventoryInfo,
      time: context.readTimeMs,
      metadata: { version: OCSF_VERSION, product: { name: VENDOR, vendor_name: VENDOR } },
      device: context.device,
      sbom: {
        package: withoutUndefined({
          name,
          // Required by the class; a console may list an application without one.
          version: text(raw.version) ?? '',
          vendor_name: text(raw.publisher),
          ...PACKAGE_TYPE_APPLICATION,
        }),
        software_components: [],
      },
      unmapped: unmappedOf(raw),
    }),
  );
}

function unmappedOf(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = withoutUndefined({ installedDate: raw.installedDate, size: raw.size });
  return Object.keys(kept).length > 0 ? kept : undefined;
}
