// The OCSF 1.6.0 enum captions S1 Inventory emits. test/shared/ocsf-enums.test.ts checks each
// against the schema file, so a typo here fails the build rather than an import downstream.

export const OCSF_VERSION = '1.6.0';

export const DeviceInventoryInfo = {
  class_uid: 5001,
  class_name: 'Device Inventory Info',
  category_uid: 5,
  category_name: 'Discovery',
  activity_id: 2,
  activity_name: 'Collect',
  type_uid: 500102,
  type_name: 'Device Inventory Info: Collect',
  severity_id: 1,
  severity: 'Informational',
} as const;

export const DEVICE_TYPE_CAPTIONS = {
  0: 'Unknown',
  1: 'Server',
  2: 'Desktop',
  3: 'Laptop',
  4: 'Tablet',
  5: 'Mobile',
  6: 'Virtual',
  7: 'IOT',
  8: 'Browser',
  9: 'Firewall',
  10: 'Switch',
  11: 'Hub',
  12: 'Router',
  13: 'IDS',
  14: 'IPS',
  15: 'Load Balancer',
  99: 'Other',
} as const;
export type DeviceTypeId = keyof typeof DEVICE_TYPE_CAPTIONS;

export const OS_TYPE_CAPTIONS = {
  0: 'Unknown',
  99: 'Other',
  100: 'Windows',
  101: 'Windows Mobile',
  200: 'Linux',
  201: 'Android',
  300: 'macOS',
  301: 'iOS',
  302: 'iPadOS',
  400: 'Solaris',
  401: 'AIX',
  402: 'HP-UX',
} as const;
export type OsTypeId = keyof typeof OS_TYPE_CAPTIONS;

export const AGENT_TYPE_EDR = { type_id: 1, type: 'Endpoint Detection and Response' } as const;

export const OTHER = 99;

/** SentinelOne `machineType` → OCSF device type. Values not listed become 99 with the source text. */
export const MACHINE_TYPE_TO_DEVICE_TYPE: Readonly<Record<string, DeviceTypeId>> = {
  unknown: 0,
  server: 1,
  desktop: 2,
  laptop: 3,
  tablet: 4,
  mobile: 5,
  virtual: 6,
};

/** SentinelOne `osType` → OCSF os type. Values not listed become 99 with the source text. */
export const OS_TYPE_TO_OCSF: Readonly<Record<string, OsTypeId>> = {
  // The literal "unknown" is OCSF's Unknown (0), as for machineType.
  unknown: 0,
  windows: 100,
  windows_legacy: 100,
  linux: 200,
  android: 201,
  macos: 300,
  ios: 301,
};

export const SoftwareInventoryInfo = {
  class_uid: 5020,
  class_name: 'Software Inventory Info',
  category_uid: 5,
  category_name: 'Discovery',
  activity_id: 2,
  activity_name: 'Collect',
  type_uid: 502002,
  type_name: 'Software Inventory Info: Collect',
  severity_id: 1,
  severity: 'Informational',
} as const;

export const VulnerabilityFinding = {
  class_uid: 2002,
  class_name: 'Vulnerability Finding',
  category_uid: 2,
  category_name: 'Findings',
} as const;

/** `package.type_id` / `affected_package.type_id` 1: an application. */
export const PACKAGE_TYPE_APPLICATION = { type_id: 1, type: 'Application' } as const;
