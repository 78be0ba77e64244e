import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { errorClassWords } from '../../../shared/errors/error-class-words';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import type { ConsoleView } from '../../../shared/contract/views';
import { describeWindow } from '../../../shared/sentinelone/history-window';

export interface ApiProgress {
  fetched: number;
  expected?: number;
}

const STATE_COLORS: Record<string, 'default' | 'primary' | 'success' | 'error' | 'warning'> = {
  Idle: 'success',
  Error: 'error',
  Stopping: 'warning',
  Collecting: 'primary',
};

interface Props {
  console: ConsoleView;
  progress: Record<string, ApiProgress>;
  onTest: () => void;
  onSync: () => void;
  onCancel: () => void;
  onAutoPoll: (enabled: boolean) => void;
  onHealth: () => void;
  onSetToken: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One console: its Sumo state, health, inventory, and what the analyst can do with it. */
export function ConsoleCard({ console: c, progress, ...on }: Props) {
  const { errors, warnings } = c.health;
  const healthIcon =
    errors > 0 ? (
      <ErrorOutline color="error" />
    ) : warnings > 0 ? (
      <WarningAmber color="warning" />
    ) : (
      <CheckCircleOutline color="success" />
    );
  return (
    <Card variant="outlined" component="section" aria-label={`Console ${c.name}`}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
            {c.name}
          </Typography>
          <Chip
            label={c.state}
            size="small"
            color={STATE_COLORS[c.state] ?? 'default'}
            aria-label={`State ${c.state}`}
          />
          <Tooltip
            title={`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} — open health events`}
          >
            <IconButton
              onClick={on.onHealth}
              aria-label={`Health of ${c.name}: ${errors} errors, ${warnings} warnings`}
            >
              <Badge
                badgeContent={errors + warnings}
                color={errors > 0 ? 'error' : 'warning'}
                max={999}
              >
                {healthIcon}
              </Badge>
            </IconButton>
          </Tooltip>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {c.url}
          {c.proxyUrl && ` · via ${c.proxyUrl}`}
          {!c.tokenStored && ' · no token stored'}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {c.inventory
            ? `${c.inventory.agents.toLocaleString()} devices · synced ${new Date(c.inventory.takenAt).toLocaleString()}`
            : 'Not synced yet'}
        </Typography>
        <HistoryLine console={c} />
        <ProblemLine console={c} />
        {/* Always the same height, so nothing moves when a sync starts or ends. */}
        <Box sx={{ height: 72, mt: 1 }} aria-live="polite">
          {c.syncing &&
            c.apis.map((api) => {
              const p = progress[api];
              const value = p?.expected ? Math.min(100, (p.fetched / p.expected) * 100) : undefined;
              return (
                <Stack
                  key={api}
                  direction="row"
                  spacing={1}
                  sx={{ alignItems: 'center', height: 22 }}
                >
                  <Typography variant="caption" sx={{ width: 72 }}>
                    {api}
                  </Typography>
                  <LinearProgress
                    sx={{ flexGrow: 1 }}
                    variant={value === undefined ? 'indeterminate' : 'determinate'}
                    {...(value === undefined ? {} : { value })}
                    aria-label={`${api} progress`}
                  />
                  <Typography variant="caption" sx={{ width: 130, textAlign: 'right' }}>
                    {p
                      ? `${p.fetched.toLocaleString()}${p.expected ? ` / ${p.expected.toLocaleString()}` : ''}`
                      : '…'}
                  </Typography>
                </Stack>
              );
            })}
        </Box>
      </CardContent>
      <CardActions>
        <Button onClick={on.onTest}>Test connection</Button>
        {c.syncing ? (
          <Button color="warning" onClick={on.onCancel}>
            Cancel sync
          </Button>
        ) : (
          <Button variant="contained" onClick={on.onSync}>
            Sync now
          </Button>
        )}
        <FormControlLabel
          control={
            <Switch
              checked={c.autoPoll.enabled}
              onChange={(e) => on.onAutoPoll(e.target.checked)}
            />
          }
          label={`Auto-poll every ${c.autoPoll.minutes} min`}
          sx={{ ml: 1 }}
        />
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={on.onEdit}>Edit</Button>
        <Button onClick={on.onSetToken}>Set token</Button>
        <Button color="error" onClick={on.onRemove}>
          Remove
        </Button>
      </CardActions>
    </Card>
  );
}

/** What history the stored threats and activities cover, so "0 threats" is never misread. */
function HistoryLine({ console: c }: { console: ConsoleView }) {
  const parts = (['threats', 'activities'] as const)
    .filter((api) => c.apis.includes(api) && c.history[api])
    .map(
      (api) =>
        `${api === 'threats' ? 'Threats' : 'Activities'}: ${describeWindow(c.history[api]!.since)}`,
    );
  if (parts.length === 0) return null;
  return (
    <Typography variant="body2" color="text.secondary">
      {parts.join(' · ')}
    </Typography>
  );
}

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** What is wrong now, since when and, while retrying, when the sync gives up. */
function ProblemLine({ console: c }: { console: ConsoleView }) {
  const p = c.problem;
  if (!p) return null;
  const times = p.count > 1 ? `, ${p.count.toLocaleString()} times` : '';
  const givesUp = p.givesUpAt ? `; gives up at ${clock(p.givesUpAt)}` : '';
  // The kind of problem in words first; the request and the console's own answer after, for
  // whoever has to look further.
  return (
    <Alert severity={p.severity === 'error' ? 'error' : 'warning'} sx={{ mt: 1, py: 0 }}>
      <strong>{errorClassWords(p.errorClass)}</strong>
      {givesUp}
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word' }}>
        {p.message} (since {clock(p.since)}
        {times})
      </Typography>
    </Alert>
  );
}
