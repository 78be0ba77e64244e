import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';

const scopeText = (scope: Record<string, unknown>) =>
  Object.entries(scope)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');

/** Every export and push: when, who, what, how many, the file's sha256, where it went. */
export function AuditScreen() {
  const audit = useQuery('audit.list', {});
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h5" component="h2" gutterBottom>
        Audit log
      </Typography>
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
              <TableCell>Format</TableCell>
              <TableCell>Scope</TableCell>
              <TableCell align="right">Records</TableCell>
              <TableCell>sha256</TableCell>
              <TableCell>Destination</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {audit.data?.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{new Date(entry.at).toLocaleString()}</TableCell>
                <TableCell>{entry.osUser}</TableCell>
                <TableCell>{entry.action}</TableCell>
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
