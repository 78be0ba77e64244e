import { isoMicros, pick, s1Id, seededRandom } from './random';

// Installed applications and their CVE rows, in the shapes of reference
// sentinelone-apps-api.md §4 (`/agents/applications`: name, publisher, version, size,
// installedDate; no id, no agent id) and §7 (`/application-management/risks`: one row per
// endpoint × application version × CVE, scores as strings, severity upper case, `markType` as
// "" or an object). The catalogue holds real products, publishers and versions, and real CVEs
// with their published scores (NVD), so exports look like a console's.

export interface CatalogueEntry {
  name: string;
  publisher: string;
  versions: readonly string[];
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    name: 'Google Chrome',
    publisher: 'Google LLC',
    versions: ['116.0.5845.97', '120.0.6099.130', '131.0.6778.86'],
  },
  {
    name: 'Mozilla Firefox (x64 en-US)',
    publisher: 'Mozilla',
    versions: ['115.0.2', '121.0', '133.0'],
  },
  {
    name: 'Microsoft Edge',
    publisher: 'Microsoft Corporation',
    versions: ['120.0.2210.91', '131.0.2903.70'],
  },
  { name: '7-Zip 22.01 (x64)', publisher: 'Igor Pavlov', versions: ['22.01', '23.01', '24.08'] },
  { name: 'Notepad++ (64-bit x64)', publisher: 'Notepad++ Team', versions: ['8.5.4', '8.6.9'] },
  { name: 'VLC media player', publisher: 'VideoLAN', versions: ['3.0.18', '3.0.21'] },
  {
    name: 'Adobe Acrobat Reader DC',
    publisher: 'Adobe Systems Incorporated',
    versions: ['23.003.20244', '24.004.20220'],
  },
  {
    name: 'Git',
    publisher: 'The Git Development Community',
    versions: ['2.21.0', '2.41.0', '2.47.1'],
  },
  {
    name: 'Python 3.11.4 (64-bit)',
    publisher: 'Python Software Foundation',
    versions: ['3.11.4150.0'],
  },
  { name: 'Java 8 Update 361 (64-bit)', publisher: 'Oracle Corporation', versions: ['8.0.3610.9'] },
  { name: 'WinRAR 6.22 (64-bit)', publisher: 'win.rar GmbH', versions: ['6.22.0', '7.01.0'] },
  {
    name: 'PuTTY release 0.79 (64-bit)',
    publisher: 'Simon Tatham',
    versions: ['0.79.0.0', '0.81.0.0'],
  },
  {
    name: 'Wireshark 4.0.8 x64',
    publisher: 'The Wireshark developer community, https://www.wireshark.org',
    versions: ['4.0.8', '4.4.2'],
  },
  {
    name: 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135',
    publisher: 'Microsoft Corporation',
    versions: ['14.38.33135.0'],
  },
  {
    name: 'Zoom',
    publisher: 'Zoom Video Communications, Inc.',
    versions: ['5.15.5 (19404)', '6.3.0 (52884)'],
  },
  { name: 'Slack', publisher: 'Slack Technologies Inc.', versions: ['4.33.90', '4.41.105'] },
  { name: 'TeamViewer', publisher: 'TeamViewer', versions: ['15.44.5', '15.60.3'] },
  {
    name: 'Microsoft Visual Studio Code',
    publisher: 'Microsoft Corporation',
    versions: ['1.81.1', '1.96.2'],
  },
  { name: 'KeePass Password Safe 2.54', publisher: 'Dominik Reichl', versions: ['2.54'] },
  { name: 'FileZilla 3.65.0', publisher: 'Tim Kosse', versions: ['3.65.0', '3.68.1'] },
  { name: 'Node.js', publisher: 'Node.js Foundation', versions: ['18.17.1', '20.18.1'] },
  { name: 'Docker Desktop', publisher: 'Docker Inc.', versions: ['4.22.1', '4.37.1'] },
  {
    name: 'OpenSSL 3.0.10 (64-bit)',
    publisher: 'OpenSSL Win64 Installer Team',
    versions: ['3.0.10', '3.0.15'],
  },
  {
    name: 'Microsoft 365 Apps for enterprise - en-us',
    publisher: 'Microsoft Corporation',
    versions: ['16.0.16626.20170', '16.0.18129.20158'],
  },
  {
    name: 'Cisco Secure Client - AnyConnect VPN',
    publisher: 'Cisco Systems, Inc.',
    versions: ['5.0.03072', '5.1.6.103'],
  },
  { name: 'AnyDesk', publisher: 'philandro Software GmbH', versions: ['7.1.13', '8.1.0'] },
  {
    name: 'Sentinel Agent',
    publisher: 'Sentinel Labs, Inc.',
    versions: ['23.2.3.358', '24.1.2.6'],
  },
  { name: 'WinSCP 6.1.1', publisher: 'Martin Prikryl', versions: ['6.1.1', '6.3.6'] },
];

/** CVEs of catalogue versions (NVD's published severities and CVSS 3.1 base scores). */
export const CVES: readonly {
  application: string;
  version: string;
  cveId: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  baseScore: string;
  publishedDate: string;
}[] = [
  {
    application: '7-Zip 22.01 (x64)',
    version: '22.01',
    cveId: 'CVE-2025-0411',
    severity: 'HIGH',
    baseScore: '7.00',
    publishedDate: '2025-01-25T05:15:09Z',
  },
  {
    application: '7-Zip 22.01 (x64)',
    version: '22.01',
    cveId: 'CVE-2023-31102',
    severity: 'HIGH',
    baseScore: '7.80',
    publishedDate: '2023-11-03T05:15:29Z',
  },
  {
    application: 'Google Chrome',
    version: '116.0.5845.97',
    cveId: 'CVE-2023-4863',
    severity: 'HIGH',
    baseScore: '8.80',
    publishedDate: '2023-09-12T15:15:24Z',
  },
  {
    application: 'Google Chrome',
    version: '120.0.6099.130',
    cveId: 'CVE-2024-0519',
    severity: 'HIGH',
    baseScore: '8.80',
    publishedDate: '2024-01-16T22:15:37Z',
  },
  {
    application: 'Mozilla Firefox (x64 en-US)',
    version: '115.0.2',
    cveId: 'CVE-2023-4863',
    severity: 'HIGH',
    baseScore: '8.80',
    publishedDate: '2023-09-12T15:15:24Z',
  },
  {
    application: 'Mozilla Firefox (x64 en-US)',
    version: '121.0',
    cveId: 'CVE-2024-9680',
    severity: 'CRITICAL',
    baseScore: '9.80',
    publishedDate: '2024-10-09T13:15:12Z',
  },
  {
    application: 'WinRAR 6.22 (64-bit)',
    version: '6.22.0',
    cveId: 'CVE-2023-38831',
    severity: 'HIGH',
    baseScore: '7.80',
    publishedDate: '2023-08-23T17:15:11Z',
  },
  {
    application: 'PuTTY release 0.79 (64-bit)',
    version: '0.79.0.0',
    cveId: 'CVE-2024-31497',
    severity: 'MEDIUM',
    baseScore: '5.90',
    publishedDate: '2024-04-15T20:15:11Z',
  },
  {
    application: 'Notepad++ (64-bit x64)',
    version: '8.5.4',
    cveId: 'CVE-2023-40031',
    severity: 'HIGH',
    baseScore: '7.80',
    publishedDate: '2023-08-25T21:15:09Z',
  },
  {
    application: 'VLC media player',
    version: '3.0.18',
    cveId: 'CVE-2023-47359',
    severity: 'CRITICAL',
    baseScore: '9.80',
    publishedDate: '2023-11-07T16:15:28Z',
  },
  {
    application: 'Git',
    version: '2.21.0',
    cveId: 'CVE-2024-32002',
    severity: 'CRITICAL',
    baseScore: '9.00',
    publishedDate: '2024-05-14T19:15:10Z',
  },
  {
    application: 'Git',
    version: '2.41.0',
    cveId: 'CVE-2024-32002',
    severity: 'CRITICAL',
    baseScore: '9.00',
    publishedDate: '2024-05-14T19:15:10Z',
  },
  {
    application: 'Java 8 Update 361 (64-bit)',
    version: '8.0.3610.9',
    cveId: 'CVE-2023-21930',
    severity: 'HIGH',
    baseScore: '7.40',
    publishedDate: '2023-04-18T20:15:13Z',
  },
  {
    application: 'OpenSSL 3.0.10 (64-bit)',
    version: '3.0.10',
    cveId: 'CVE-2023-5678',
    severity: 'MEDIUM',
    baseScore: '5.30',
    publishedDate: '2023-11-06T16:15:42Z',
  },
  {
    application: 'Zoom',
    version: '5.15.5 (19404)',
    cveId: 'CVE-2023-43590',
    severity: 'HIGH',
    baseScore: '7.80',
    publishedDate: '2023-11-15T00:15:07Z',
  },
  {
    application: 'AnyDesk',
    version: '7.1.13',
    cveId: 'CVE-2024-12754',
    severity: 'LOW',
    baseScore: '3.30',
    publishedDate: '2024-12-30T21:15:06Z',
  },
];

const RISK_ID_BASE = 2228104980801800000n;

export interface InstalledApplication {
  name: string;
  publisher: string;
  version: string;
  size: number;
  installedDate: string;
}

/** The applications of agent `agentIndex`: `count` distinct products, each at one version. */
export function generateApplications(
  agentIndex: number,
  options: { count: number; nowMs: number; seed?: number },
): InstalledApplication[] {
  const random = seededRandom((options.seed ?? 5) * 104_729 + agentIndex);
  const apps: InstalledApplication[] = [];
  for (let i = 0; i < options.count; i += 1) {
    // Past the catalogue, numbered editions of its products (a real fleet has thousands).
    const product = CATALOGUE[i % CATALOGUE.length]!;
    const edition = Math.floor(i / CATALOGUE.length);
    const installedMs = options.nowMs - Math.floor(random() * 900) * 86_400_000;
    apps.push({
      name: edition === 0 ? product.name : `${product.name} Plugin ${edition}`,
      publisher: product.publisher,
      version: pick(random, product.versions),
      size: Math.floor(random() * 400_000) + 120,
      installedDate: isoMicros(installedMs, Math.floor(random() * 1000)),
    });
  }
  return apps;
}

/** The CVE rows of one agent's applications, as `/application-management/risks` lists them. */
export function generateRisks(
  agent: { index: number; id: string; computerName: string; osType: string },
  apps: readonly InstalledApplication[],
  options: { nowMs: number; firstRiskIndex: number },
): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const app of apps) {
    for (const cve of CVES) {
      if (cve.application !== app.name || cve.version !== app.version) continue;
      const index = options.firstRiskIndex + rows.length;
      const detectedMs = options.nowMs - (index % 60) * 86_400_000;
      rows.push({
        id: s1Id(RISK_ID_BASE, index),
        cveId: cve.cveId,
        severity: cve.severity,
        baseScore: cve.baseScore,
        cvssVersion: '3.1',
        publishedDate: cve.publishedDate,
        detectionDate: isoMicros(detectedMs, index % 1000),
        daysDetected: index % 60,
        lastScanDate: new Date(options.nowMs - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        lastScanResult: 'Succeeded',
        status: 'Detected',
        application: `${app.name} ${app.version}`,
        applicationName: app.name,
        applicationVendor: app.publisher,
        applicationVersion: app.version,
        endpointId: agent.id,
        endpointName: agent.computerName,
        endpointType: agent.index % 7 === 0 ? 'server' : 'desktop',
        osType: agent.osType,
        // Documented as an object, sent as "" (reference §11): both shapes occur here.
        markType: index % 5 === 0 ? { description: 'Added CVE', id: 2 } : '',
        markedBy: null,
        markedDate: null,
        reason: null,
        mitigationStatus: 'Not mitigated',
      });
    }
  }
  return rows;
}
