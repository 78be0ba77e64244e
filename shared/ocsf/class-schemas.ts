import deviceInventoryInfoFile from './schema/device_inventory_info-1.6.0.json' with { type: 'json' };
import detectionFindingFile from './schema/detection_finding-1.6.0.json' with { type: 'json' };
import softwareInventoryInfoFile from './schema/software_inventory_info-1.6.0.json' with { type: 'json' };
import vulnerabilityFindingFile from './schema/vulnerability_finding-1.6.0.json' with { type: 'json' };

// The compiled OCSF 1.6.0 schema data of each class S1 Inventory writes (copied from the OCSF
// tag into ./schema): what the validator checks records against, and what typed exports (Parquet)
// read each attribute's type from.

export interface SchemaAttribute {
  type: string;
  json_type: string;
  requirement: 'required' | 'recommended' | 'optional';
  is_array?: boolean;
  object_type?: string;
  profiles?: string[];
  enum?: Record<string, string>;
  sibling?: string;
  deprecated?: { since: string; message: string };
}

export interface SchemaObject {
  attributes: Record<string, SchemaAttribute>;
  constraints?: { at_least_one?: string[]; just_one?: string[] };
}

export interface SchemaType {
  json_type: string;
  regex?: string;
  max_len?: number;
  range?: [number, number];
}

export interface OcsfSchema {
  class: SchemaObject & {
    uid: number;
    name: string;
    caption: string;
    profiles_applicable?: string[];
  };
  objects: Record<string, SchemaObject>;
  types: Record<string, SchemaType>;
}

/** Each class S1 Inventory writes, by its class_uid. */
export const CLASS_SCHEMAS = {
  5001: deviceInventoryInfoFile as unknown as OcsfSchema,
  2004: detectionFindingFile as unknown as OcsfSchema,
  5020: softwareInventoryInfoFile as unknown as OcsfSchema,
  2002: vulnerabilityFindingFile as unknown as OcsfSchema,
} as const;
