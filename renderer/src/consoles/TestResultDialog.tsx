import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { CallResult } from '../../../shared/contract/contract';

type Report = CallResult<'consoles.test'>;

/** The outcome of Test connection: what happened, what to do next, token expiry and scope. */
export function TestResultDialog({
  name,
  report,
  onClose,
}: {
  name: string;
  report?: Report;
  onClose: () => void;
}) {
  const token = report?.token;
  return (
    <Dialog
      open={report !== undefined}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="test-result"
    >
      <DialogTitle id="test-result">Test connection: {name}</DialogTitle>
      {report && (
        <DialogContent>
          <Alert
            severity={report.ok ? (token?.expiresSoon ? 'warning' : 'success') : 'error'}
            role="status"
          >
            <strong>{report.message}</strong>
            {report.nextStep && <div>{report.nextStep}</div>}
          </Alert>
          {report.failedCall && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Failed call: <code>{report.failedCall}</code>
            </Typography>
          )}
          {report.consoleVersion && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Console version {report.consoleVersion}
            </Typography>
          )}
          {token && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Token expires{' '}
              {token.expiresAt ? new Date(token.expiresAt).toLocaleDateString() : 'never'}
              {token.daysLeft !== undefined && ` (${token.daysLeft} days left)`}
            </Typography>
          )}
          {report.scope && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Scope: {report.scope.total} {report.scope.level}
              {report.scope.entries.length > 0 &&
                ` — ${report.scope.entries
                  .slice(0, 5)
                  .map((e) => e.name)
                  .join(', ')}${report.scope.total > 5 ? ', …' : ''}`}
            </Typography>
          )}
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
