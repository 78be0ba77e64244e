import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { CsvButton, ScreenHeader } from '../ScreenHeader';
import { auditCsv, scopeText, searchAudit, STATUS_LABELS } from './audit-rows';

/** Every export and push: when, who, what, how many, the file's sha256, where it went. */
export function AuditScreen() {
  const audit = useQuery('audit.list', {});
  const [search, setSearch] = useState('');
  const entries = searchAudit(audit.data ?? [], search);
  return (
    <Box sx={{ p: { xs: 1.5, md: 3 } }}>
      <ScreenHeader title="Audit log">
        <TextField
          size="small"
          type="search"
          label="Search the log"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <CsvButton name="audit" csv={() => auditCsv(entries)} empty={entries.length === 0} />
      </ScreenHeader>
      <ErrorNotice error={audit.error} />
      {audit.data?.length === 0 ? (
        <Typography role="status" color="text.secondary">
          Nothing exported or pushed yet. Each export and push is recorded here.
        </Typography>
      ) : (
        <Table size="small" aria-label="Audit log">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>User</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Format</TableCell>
              <TableCell>Scope</TableCell>
              <TableCell align="right">Records</TableCell>
              <TableCell>sha256</TableCell>
              <TableCell>Destination</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{new Date(entry.at).toLocaleString()}</TableCell>
                <TableCell>{entry.osUser}</TableCell>
                <TableCell>{entry.action}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={STATUS_LABELS[entry.status]}
                    color={entry.status === 'complete' ? 'success' : 'error'}
                  />
                </TableCell>
                <TableCell>{entry.format}</TableCell>
                <TableCell>{scopeText(entry.scope)}</TableCell>
                <TableCell align="right">{entry.recordCount.toLocaleString()}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }} title={entry.sha256}>
                  {entry.sha256?.slice(0, 16)}
                  {entry.sha256 ? '…' : ''}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{entry.destination}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
