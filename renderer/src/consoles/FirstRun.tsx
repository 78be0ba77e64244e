import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** No console yet: say what the app needs, and offer the demo console when it runs. */
export function FirstRun({
  onAdd,
  demo,
  onDemo,
}: {
  onAdd?: () => void;
  demo?: { url: string };
  onDemo?: () => void;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }} role="status">
      <Typography variant="h6" gutterBottom>
        No SentinelOne console yet
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Connect a SentinelOne Management Console with an API token (one per console) to pull its
        agents, threats and activities into this laptop&apos;s inventory. The token stays in your OS
        keychain.
      </Typography>
      <Stack direction="row" spacing={2}>
        {onAdd && (
          <Button variant="contained" onClick={onAdd}>
            Add a console
          </Button>
        )}
        {demo && onDemo && (
          <Button variant="outlined" onClick={onDemo}>
            Try the demo console
          </Button>
        )}
      </Stack>
      {demo && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          The demo console of <code>npm run demo</code> answers at {demo.url}.
        </Typography>
      )}
    </Paper>
  );
}
