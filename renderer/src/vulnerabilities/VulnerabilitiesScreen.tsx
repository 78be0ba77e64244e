import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { CVE_SEVERITIES, type CveSeverity } from '../../../shared/cve-severity';
import type { CveSummary } from '../../../shared/contract/views';
import { useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { CsvButton, ScreenHeader } from '../ScreenHeader';
import { navigate, useRoute } from '../routing/useRoute';
import {
  applicationsText,
  cveFilterOf,
  cvesCsv,
  filterCves,
  queryOfCveFilter,
  severityCounts,
  type CveFilter,
  type CveSort,
} from './cve-rows';

const PAGE_SIZES = [25, 50, 100];
// Filled chips whose text keeps a 4.5:1 contrast (theme.ts's status colours).
const SEVERITY_TONES: Record<CveSeverity, 'error' | 'warning' | 'default'> = {
  Critical: 'error',
  High: 'warning',
  Medium: 'default',
  Low: 'default',
  Unknown: 'default',
};
const COLUMNS: { label: string; sort?: CveSort; numeric?: boolean; maturity?: true }[] = [
  { label: 'CVE', sort: 'cveId' },
  { label: 'Severity', sort: 'severity' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Devices', sort: 'devices', numeric: true },
  { label: 'Applications' },
  { label: 'Exploit code', maturity: true },
  { label: 'Published', sort: 'published' },
];

/**
 * Every CVE open on a device of the consoles that read them: its severity, score and how many
 * devices carry it, most severe first. A CVE opens the Devices grid on the devices that carry
 * it (`#/devices?cve=…`); the address names the screen's filters (`severity`, `q`, `sort`).
 */
export function VulnerabilitiesScreen() {
  const route = useRoute();
  const filter = useMemo(() => cveFilterOf(route.query), [route.query]);
  const list = useQuery('vulnerabilities.list', {});
  useEvent('sync.finished', list.reload);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const all = list.data?.cves ?? [];
  const counts = useMemo(() => severityCounts(all), [all]);
  const shown = useMemo(() => filterCves(all, filter), [all, filter]);
  // A sync that shortens the list leaves the page within it.
  const onPage = Math.min(page, Math.max(0, Math.ceil(shown.length / pageSize) - 1));
  // Exploit maturity comes only with the Vulnerability Management SKU: no column without it.
  const maturity = all.some((cve) => cve.exploitCodeMaturity !== undefined);
  const columns = COLUMNS.filter((column) => maturity || !column.maturity);
  const change = (next: Partial<CveFilter>, replace = false) => {
    setPage(0);
    navigate(
      { screen: 'vulnerabilities', query: queryOfCveFilter({ ...filter, ...next }) },
      { replace },
    );
  };
  const devicesOf = (cve: CveSummary) =>
    navigate({ screen: 'devices', query: new URLSearchParams({ cve: cve.cveId }) });
  return (
    <Box sx={{ p: { xs: 1.5, md: 3 } }}>
      <ScreenHeader title="Vulnerabilities">
        <TextField
          size="small"
          type="search"
          label="Search CVEs or applications"
          value={filter.search}
          onChange={(e) => change({ search: e.target.value }, true)}
          sx={{ minWidth: 280 }}
        />
        <CsvButton name="cves" csv={() => cvesCsv(shown)} empty={shown.length === 0} />
      </ScreenHeader>
      <ErrorNotice error={list.error} />
      {list.data && list.data.consolesRead.length === 0 ? (
        <Alert severity="info">
          No console reads vulnerabilities yet. They need a token with the Applications permission
          and a licence for Application Management: turn them on in Consoles → Edit → Also read →
          Vulnerabilities, then sync.
        </Alert>
      ) : list.data && all.length === 0 ? (
        <Alert severity="success">
          No open CVE on any device of {list.data.consolesRead.join(', ')}.
        </Alert>
      ) : (
        list.data && (
          <>
            <Typography variant="body1" sx={{ mb: 1 }}>
              {all.length.toLocaleString()} CVEs open on devices of{' '}
              {list.data.consolesRead.join(', ')}. A CVE opens the devices that carry it.
            </Typography>
            <ToggleButtonGroup
              size="small"
              value={filter.severities}
              onChange={(_e, next: CveSeverity[]) => change({ severities: next })}
              aria-label="Severities shown"
              sx={{ mb: 1 }}
            >
              {CVE_SEVERITIES.filter((s) => counts[s] > 0 || filter.severities.includes(s)).map(
                (severity) => (
                  <ToggleButton key={severity} value={severity}>
                    {severity} · {counts[severity].toLocaleString()}
                  </ToggleButton>
                ),
              )}
            </ToggleButtonGroup>
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label="Open CVEs">
                <TableHead>
                  <TableRow>
                    {columns.map((column) => (
                      <TableCell
                        key={column.label}
                        align={column.numeric ? 'right' : 'left'}
                        sortDirection={column.sort === filter.sort ? 'desc' : false}
                      >
                        {column.sort ? (
                          <TableSortLabel
                            active={column.sort === filter.sort}
                            direction={column.sort === 'cveId' ? 'asc' : 'desc'}
                            onClick={() => change({ sort: column.sort! })}
                          >
                            {column.label}
                          </TableSortLabel>
                        ) : (
                          column.label
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shown.slice(onPage * pageSize, (onPage + 1) * pageSize).map((cve) => (
                    <CveRow
                      key={cve.cveId}
                      cve={cve}
                      maturity={maturity}
                      onOpen={() => devicesOf(cve)}
                    />
                  ))}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={shown.length}
                page={onPage}
                onPageChange={(_e, next) => setPage(next)}
                rowsPerPage={pageSize}
                rowsPerPageOptions={PAGE_SIZES}
                onRowsPerPageChange={(e) => {
                  setPageSize(Number(e.target.value));
                  setPage(0);
                }}
                labelRowsPerPage="CVEs per page"
              />
            </TableContainer>
          </>
        )
      )}
    </Box>
  );
}

function CveRow({
  cve,
  maturity,
  onOpen,
}: {
  cve: CveSummary;
  maturity: boolean;
  onOpen: () => void;
}) {
  const day = (at: string | undefined) => (at ? new Date(at).toLocaleDateString() : '');
  return (
    <TableRow hover>
      <TableCell>
        <Button
          size="small"
          sx={{ textTransform: 'none', p: 0, minWidth: 0, whiteSpace: 'nowrap' }}
          onClick={onOpen}
          aria-label={`${cve.cveId}: show the ${cve.devices} devices that carry it`}
        >
          {cve.cveId}
        </Button>
      </TableCell>
      <TableCell>
        <Chip size="small" label={cve.severity} color={SEVERITY_TONES[cve.severity]} />
      </TableCell>
      <TableCell align="right">{cve.score?.toFixed(1) ?? ''}</TableCell>
      <TableCell align="right">
        <Button size="small" sx={{ p: 0, minWidth: 0 }} onClick={onOpen} tabIndex={-1}>
          {cve.devices.toLocaleString()}
        </Button>
      </TableCell>
      <TableCell>{applicationsText(cve)}</TableCell>
      {maturity && <TableCell>{cve.exploitCodeMaturity ?? ''}</TableCell>}
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{day(cve.published)}</TableCell>
    </TableRow>
  );
}
