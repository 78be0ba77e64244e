import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { SEVERITY_RANK, type CveSeverity } from '../../../shared/cve-severity';
import type { DeviceDetail } from '../../../shared/contract/views';

// The device page's Software and Vulnerabilities tabs: the console's own words, one row each,
// worst CVEs first.

type Software = NonNullable<DeviceDetail['software']>;
type Vulnerability = NonNullable<DeviceDetail['vulnerabilities']>[number];

const SEVERITY_COLOR: Record<CveSeverity, 'error' | 'warning' | 'info' | 'default'> = {
  Critical: 'error',
  High: 'warning',
  Medium: 'info',
  Low: 'default',
  Unknown: 'default',
};

export function Frame({
  label,
  caption,
  children,
}: {
  label: string;
  caption: string;
  children: ReactNode;
}) {
  return (
    <Box role="region" aria-label={label}>
      <Typography variant="caption" color="text.secondary" sx={{ px: 1 }}>
        {caption}
      </Typography>
      {/* Focusable, so the keyboard scrolls a long list too. */}
      <TableContainer sx={{ height: '48vh' }} tabIndex={0} aria-label={`${label}, scrollable`}>
        <Table size="small" stickyHeader aria-label={label}>
          {children}
        </Table>
      </TableContainer>
    </Box>
  );
}

export function SoftwareTable({ software }: { software: Software }) {
  const rows = [...software.applications].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Frame
      label="Installed software"
      caption={`Read ${software.readAt}. ${rows.length} applications.`}
    >
      <TableHead>
        <TableRow>
          <TableCell>Application</TableCell>
          <TableCell>Publisher</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Installed</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((app, i) => (
          <TableRow key={`${app.name}-${app.version}-${i}`}>
            <TableCell>{app.name}</TableCell>
            <TableCell>{app.vendor}</TableCell>
            <TableCell>{app.version}</TableCell>
            <TableCell>{app.installedDate?.slice(0, 10) ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Frame>
  );
}

export function VulnerabilityTable({ rows }: { rows: readonly Vulnerability[] }) {
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (b.score ?? 0) - (a.score ?? 0),
  );
  const open = rows.filter((row) => row.open).length;
  return (
    <Frame label="Vulnerabilities" caption={`${open} open, ${rows.length - open} removed.`}>
      <TableHead>
        <TableRow>
          <TableCell>CVE</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell align="right">Score</TableCell>
          <TableCell>Application</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Detected</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map((row) => (
          <TableRow key={row.id}>
            <TableCell>{row.cveId}</TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                label={row.severity}
                color={SEVERITY_COLOR[row.severity]}
              />
            </TableCell>
            <TableCell align="right">{row.score?.toFixed(1) ?? ''}</TableCell>
            <TableCell>
              {row.application} {row.version}
            </TableCell>
            <TableCell>{row.status}</TableCell>
            <TableCell>{row.detected?.slice(0, 10) ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Frame>
  );
}
