import type { GridRow } from '../devices/grid-row';
import type { FacetKey } from '../devices/facets';
import type { QuickFilterId } from '../devices/quick-filters';

// The fields a query names: one table, read by the parser (which field takes which values), the
// evaluator (where a field's value is read), completion and docs/query.md (a test holds the
// document to this table). Names are the ones an analyst types: snake_case, as runZero's and
// Axonius' query bars use, not the grid's camelCase keys.

/**
 * How a field's values compare:
 * - text, enum: `:` equals (any case, `*` matches any run of characters), `!=` does not;
 * - list: `:` matches when any element does; ip lists also take a CIDR block;
 * - number, version, date, severity: `<` `<=` `>` `>=` too (versions by their numbers, dates by
 *   time or by age, severities by rank);
 * - boolean: true or false, or the bare name for true;
 * - cve: the devices on which that CVE is open.
 */
export type FieldType =
  | 'text'
  | 'enum'
  | 'list'
  | 'ip-list'
  | 'number'
  | 'version'
  | 'date'
  | 'severity'
  | 'boolean'
  | 'cve';

export interface QueryField {
  name: string;
  type: FieldType;
  /** What the field is, for completion and docs/query.md. */
  description: string;
  /** The grid's column it reads (absent: a finding worked out per device, or the CVE link). */
  column?: keyof GridRow;
  /** The facet that lists its values, for completion. */
  facet?: FacetKey;
  /** The one-click filter it stands for. */
  quick?: QuickFilterId;
}

export const QUERY_FIELDS: readonly QueryField[] = [
  {
    name: 'console',
    type: 'enum',
    column: 'console',
    facet: 'console',
    description: 'the console the device came from',
  },
  { name: 'site', type: 'enum', column: 'site', facet: 'site', description: 'SentinelOne site' },
  {
    name: 'group',
    type: 'enum',
    column: 'group',
    facet: 'group',
    description: 'SentinelOne group',
  },
  { name: 'hostname', type: 'text', column: 'hostname', description: 'computer name' },
  {
    name: 'os',
    type: 'enum',
    column: 'osType',
    facet: 'osType',
    description: 'OS family: Windows, macOS, Linux…',
  },
  {
    name: 'os_version',
    type: 'text',
    column: 'os',
    facet: 'os',
    description: 'OS name and version',
  },
  {
    name: 'device_type',
    type: 'enum',
    column: 'deviceType',
    facet: 'deviceType',
    description: 'Desktop, Laptop, Server…',
  },
  {
    name: 'ip',
    type: 'ip-list',
    column: 'ips',
    description: 'any of the internal IPs (a CIDR block matches those in it)',
  },
  {
    name: 'external_ip',
    type: 'ip-list',
    column: 'externalIp',
    description: 'the IP the console saw it from',
  },
  { name: 'mac', type: 'list', column: 'macs', description: 'any of its MAC addresses' },
  { name: 'serial', type: 'text', column: 'serialNumber', description: 'serial number' },
  { name: 'agent_id', type: 'text', column: 'agentId', description: 'SentinelOne agent id' },
  { name: 'uuid', type: 'text', column: 'uuid', description: 'agent UUID' },
  { name: 'users', type: 'text', column: 'users', description: 'last logged-in user' },
  {
    name: 'last_seen',
    type: 'date',
    column: 'lastSeen',
    description: 'when the agent last reported',
  },
  {
    name: 'first_synced',
    type: 'date',
    column: 'firstSeen',
    description:
      'when the oldest kept snapshot holding it was taken (new devices: first_synced<7d)',
  },
  {
    name: 'agent_version',
    type: 'version',
    column: 'agentVersion',
    facet: 'agentVersion',
    description: 'agent version, compared by its numbers',
  },
  {
    name: 'network_status',
    type: 'enum',
    column: 'networkStatus',
    facet: 'networkStatus',
    description: 'connected or disconnected by the console',
  },
  {
    name: 'firewall',
    type: 'enum',
    column: 'firewall',
    facet: 'firewall',
    description: 'firewall state (enrichment)',
  },
  {
    name: 'update_status',
    type: 'enum',
    column: 'updateStatus',
    facet: 'updateStatus',
    description: 'agent update state (enrichment)',
  },
  {
    name: 'infection_status',
    type: 'enum',
    column: 'infectionStatus',
    facet: 'infectionStatus',
    description: 'infection state (enrichment)',
  },
  {
    name: 'active_threats',
    type: 'number',
    column: 'activeThreats',
    description: 'unresolved threats',
  },
  {
    name: 'applications',
    type: 'number',
    column: 'applications',
    description: 'installed applications read',
  },
  { name: 'vulnerabilities', type: 'number', column: 'vulnerabilities', description: 'open CVEs' },
  {
    name: 'severity',
    type: 'severity',
    column: 'highestSeverity',
    facet: 'highestSeverity',
    description: 'the worst open CVE: Critical, High, Medium, Low',
  },
  {
    name: 'triage',
    type: 'enum',
    column: 'triage',
    facet: 'triage',
    description: 'your triage: unreviewed, reviewed, needs action',
  },
  { name: 'tag', type: 'list', column: 'tags', description: 'any of your tags' },
  { name: 'note', type: 'text', column: 'note', description: 'your note (`*` for words in it)' },
  { name: 'cve', type: 'cve', description: 'the devices on which this CVE is open' },
  {
    name: 'decommissioned',
    type: 'boolean',
    column: 'decommissioned',
    quick: 'decommissioned',
    description: 'decommissioned in the console',
  },
  {
    name: 'stale',
    type: 'boolean',
    quick: 'stale',
    description: 'not seen for the stale threshold (30 days unless set), or never',
  },
  {
    name: 'infected',
    type: 'boolean',
    quick: 'infected',
    description: 'infected, or with an active threat',
  },
  {
    name: 'out_of_date',
    type: 'boolean',
    quick: 'outOfDate',
    description: 'agent update required',
  },
  { name: 'firewall_off', type: 'boolean', quick: 'firewallOff', description: 'firewall disabled' },
  {
    name: 'duplicate_hostname',
    type: 'boolean',
    quick: 'duplicates',
    description: 'another device has its hostname',
  },
  {
    name: 'duplicate_serial',
    type: 'boolean',
    quick: 'duplicateSerial',
    description: 'another device has its serial number',
  },
  {
    name: 'duplicate_mac',
    type: 'boolean',
    quick: 'duplicateMac',
    description: 'another device has one of its MACs',
  },
];

const BY_NAME = new Map(QUERY_FIELDS.map((field) => [field.name, field]));

export const fieldNamed = (name: string): QueryField | undefined => BY_NAME.get(name.toLowerCase());

/** The field standing for a facet, or for a one-click filter. */
export const fieldOfFacet = (facet: FacetKey): QueryField =>
  QUERY_FIELDS.find((field) => field.facet === facet)!;
export const fieldOfQuick = (quick: QuickFilterId): QueryField =>
  QUERY_FIELDS.find((field) => field.quick === quick)!;

/** Which types compare by order (`<`, `>` …) as well as by equality. */
export const ORDERED: ReadonlySet<FieldType> = new Set(['number', 'version', 'date', 'severity']);
