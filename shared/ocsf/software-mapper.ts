import { err, ok, type Result } from '../result';
import { isPlainObject } from '../lenient';
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

/** The same for every record: built once, shared (records are serialised, never changed). */
const METADATA = { version: OCSF_VERSION, product: { name: VENDOR, vendor_name: VENDOR } };

export function mapApplicationToSoftwareInfo(
  raw: unknown,
  context: SoftwareMapContext,
): Result<Record<string, unknown>, { reason: string }> {
  if (!isPlainObject(raw)) return err({ reason: 'not a JSON object' });
  const name = raw.name;
  if (typeof name !== 'string' || name === '') return err({ reason: 'no string "name"' });
  // Built as literals of a fixed shape: a fleet's export maps millions of these.
  const pack: Record<string, unknown> = {
    name,
    // Required by the class; a console may list an application without one.
    version: typeof raw.version === 'string' ? raw.version : '',
  };
  if (typeof raw.publisher === 'string' && raw.publisher !== '') pack.vendor_name = raw.publisher;
  pack.type_id = PACKAGE_TYPE_APPLICATION.type_id;
  pack.type = PACKAGE_TYPE_APPLICATION.type;
  const record: Record<string, unknown> = {
    class_uid: SoftwareInventoryInfo.class_uid,
    class_name: SoftwareInventoryInfo.class_name,
    category_uid: SoftwareInventoryInfo.category_uid,
    category_name: SoftwareInventoryInfo.category_name,
    activity_id: SoftwareInventoryInfo.activity_id,
    activity_name: SoftwareInventoryInfo.activity_name,
    type_uid: SoftwareInventoryInfo.type_uid,
    type_name: SoftwareInventoryInfo.type_name,
    severity_id: SoftwareInventoryInfo.severity_id,
    severity: SoftwareInventoryInfo.severity,
    time: context.readTimeMs,
    metadata: METADATA,
    device: context.device,
    sbom: { package: pack, software_components: [] },
  };
  const unmapped = unmappedOf(raw);
  if (unmapped) record.unmapped = unmapped;
  return ok(record);
}

/** What the class has no attribute for: when and how big, as sent. */
function unmappedOf(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  if (raw.installedDate === undefined && raw.size === undefined) return undefined;
  const kept: Record<string, unknown> = {};
  if (raw.installedDate !== undefined) kept.installedDate = raw.installedDate;
  if (raw.size !== undefined) kept.size = raw.size;
  return kept;
}
