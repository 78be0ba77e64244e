import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { SCREENS, type ScreenId } from './Shell';

/**
 * What a first run shows: no console is connected yet, so every screen says what to do next
 * instead of showing an empty table.
 */
export function EmptyState({ screen }: { screen: ScreenId }) {
  const title = SCREENS.find((item) => item.id === screen)?.label ?? '';
  return (
    <Box sx={{ p: 4, maxWidth: 720 }}>
      <Typography variant="h5" component="h2" gutterBottom>
        {title}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }} role="status">
        <Typography variant="h6" gutterBottom>
          No SentinelOne console yet
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Connect a SentinelOne Management Console with an API token (one per console) to pull its
          agents, threats and activities into this laptop&apos;s inventory.
        </Typography>
        <Typography color="text.secondary">
          From a terminal:{' '}
          <Box component="code" sx={{ fontFamily: 'monospace' }}>
            s1inv console add --name NAME --url https://your-console.sentinelone.net --token-stdin
          </Box>
        </Typography>
      </Paper>
    </Box>
  );
}
