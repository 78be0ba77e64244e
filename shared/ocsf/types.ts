import type { EnrichmentRecord } from '../sentinelone/enrichments';
import type { DeviceInventoryInfo } from './enums';

// The part of OCSF 1.6.0 Device Inventory Info (class 5001) that S1 Inventory emits.
// Timestamps are integer milliseconds since the epoch (timestamp_t).

export interface OcsfOs {
  name: string;
  type?: string;
  type_id: number;
  version?: string;
  cpu_bits?: number;
}

export interface OcsfNetworkInterface {
  name?: string;
  mac?: string;
  ip?: string;
  uid?: string;
}

export interface OcsfGroup {
  name?: string;
  uid?: string;
}

export interface OcsfOrganization {
  name?: string;
  uid?: string;
  ou_name?: string;
  ou_uid?: string;
}

export interface OcsfAgent {
  name: string;
  vendor_name: string;
  type_id: number;
  type: string;
  uid?: string;
  uid_alt?: string;
  version?: string;
}

export interface OcsfDeviceHwInfo {
  serial_number?: string;
  cpu_count?: number;
  cpu_cores?: number;
  ram_size?: number;
}

export interface OcsfDevice {
  hostname?: string;
  uid: string;
  uid_alt?: string;
  type?: string;
  type_id: number;
  os?: OcsfOs;
  domain?: string;
  ip?: string;
  subnet?: string;
  network_interfaces?: OcsfNetworkInterface[];
  model?: string;
  vendor_name?: string;
  boot_time?: number;
  created_time?: number;
  first_seen_time?: number;
  last_seen_time?: number;
  is_managed?: boolean;
  is_compliant?: boolean;
  region?: string;
  groups?: OcsfGroup[];
  location?: { city: string };
  org?: OcsfOrganization;
  agent_list?: OcsfAgent[];
  hw_info?: OcsfDeviceHwInfo;
}

export interface OcsfMetadata {
  version: string;
  product: { name: string; vendor_name: string; version?: string };
  tenant_uid?: string;
}

/** Class, category, activity, type and severity of a Collect record; both dialects share it. */
export type CollectEnvelope = typeof DeviceInventoryInfo;

export interface OcsfDeviceInventoryInfo extends CollectEnvelope {
  time: number;
  device: OcsfDevice;
  enrichments: EnrichmentRecord[];
  metadata: OcsfMetadata;
  unmapped?: Record<string, unknown>;
}

export type { EnrichmentRecord as OcsfEnrichment };
