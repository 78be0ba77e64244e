import { deviceTypeCaption } from '../../../shared/devices/os-caption';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState, type ReactNode } from 'react';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Close from '@mui/icons-material/Close';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import type { GridRow } from '../../../shared/contract/views';
import { useQuery } from '../backend/BackendContext';
import { describeWindow } from '../../../shared/sentinelone/history-window';
import { ErrorNotice } from '../ErrorNotice';
import { SoftwareTable, VulnerabilityTable } from './DeviceTables';
import { DeviceHistoryPane } from './DeviceHistoryPane';
import { NotesEditor } from './NotesEditor';

/**
 * One device: a summary with its enrichments and findings, its threats and activities, and its
 * OCSF record, raw SentinelOne JSON and findings as tabs.
 */
export function DeviceDrawer({
  device,
  onClose,
  onStep,
}: {
  device?: { console: string; agentId: string };
  onClose: () => void;
  /** Opens the next (1) or previous (-1) device of the grid. */
  onStep?: (delta: 1 | -1) => void;
}) {
  return (
    <Drawer
      anchor="right"
      open={device !== undefined}
      onClose={onClose}
      sx={{ zIndex: (t) => t.zIndex.modal }}
      // A temporary drawer is a dialog (MUI gives its paper the role): it needs a name (axe).
      slotProps={{ paper: { 'aria-label': 'Device detail' } }}
    >
      <Box sx={{ width: 'min(1200px, 90vw)', p: 2, boxSizing: 'border-box' }}>
        {device && <Detail {...device} onClose={onClose} {...(onStep ? { onStep } : {})} />}
      </Box>
    </Drawer>
  );
}

function Detail({
  console: consoleName,
  agentId,
  onClose,
  onStep,
}: {
  console: string;
  agentId: string;
  onClose: () => void;
  onStep?: (delta: 1 | -1) => void;
}) {
  const detail = useQuery('devices.detail', { console: consoleName, agentId });
  const d = detail.data;
  return (
    <>
      {/* Close, Previous and Next stay in reach however far the page is scrolled (1024 px). */}
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          position: 'sticky',
          top: 0,
          zIndex: 2,
          bgcolor: 'background.paper',
          mx: -2,
          mt: -2,
          px: 2,
          pt: 2,
          pb: 1,
        }}
      >
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {d?.row.hostname ?? `Device ${agentId}`}
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {consoleName} · agent {agentId}
          </Typography>
        </Typography>
        {onStep && (
          <>
            <IconButton onClick={() => onStep(-1)} aria-label="Previous device">
              <ChevronLeft />
            </IconButton>
            <IconButton onClick={() => onStep(1)} aria-label="Next device">
              <ChevronRight />
            </IconButton>
          </>
        )}
        <IconButton onClick={onClose} aria-label="Close device">
          <Close />
        </IconButton>
      </Stack>
      <ErrorNotice error={detail.error} />
      {d && (
        <>
          {d.withheld.map((why) => (
            <Alert key={why} severity="warning" sx={{ mb: 1 }}>
              {why}
            </Alert>
          ))}
          <Summary row={d.row} />
          <NotesEditor
            key={`${consoleName}/${agentId}`}
            console={consoleName}
            agentId={agentId}
            saved={d.notes}
          />
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Recent
              title="Threats"
              items={d.threats}
              describe={describeThreat}
              window={d.history.threats}
            />
            <Recent
              title="Recent activities"
              items={d.activities}
              describe={describeActivity}
              window={d.history.activities}
            />
          </Stack>
          <Records
            panes={[
              { title: 'OCSF 1.6.0 record', text: d.ocsf },
              { title: 'Raw SentinelOne agent', text: d.raw },
              ...(d.threats.length > 0
                ? [
                    {
                      title: `Threats as OCSF Detection Findings (${d.threats.length})`,
                      text: d.findings,
                    },
                  ]
                : []),
              ...(d.software
                ? [
                    {
                      title: `Software (${d.software.applications.length})`,
                      content: <SoftwareTable software={d.software} />,
                    },
                  ]
                : []),
              ...(d.vulnerabilities
                ? [
                    {
                      title: `Vulnerabilities (${d.vulnerabilities.length})`,
                      content: <VulnerabilityTable rows={d.vulnerabilities} />,
                    },
                  ]
                : []),
              {
                title: 'History',
                content: <DeviceHistoryPane console={consoleName} agentId={agentId} />,
              },
            ]}
          />
        </>
      )}
    </>
  );
}

/** One tab of the device page: a record as text, or a table. */
type Pane = { title: string; text: string } | { title: string; content: ReactNode };

/**
 * The device as records, one tab each, at full width: OCSF, the raw agent, its findings, its
 * software and CVEs.
 */
function Records({ panes }: { panes: Pane[] }) {
  const [shown, setShown] = useState(0);
  const pane = panes[Math.min(shown, panes.length - 1)]!;
  return (
    <Paper variant="outlined" sx={{ mt: 2 }}>
      <Tabs
        value={Math.min(shown, panes.length - 1)}
        onChange={(_e, next: number) => setShown(next)}
      >
        {panes.map((p, i) => (
          <Tab key={p.title} label={p.title} id={`record-tab-${i}`} aria-controls="record-pane" />
        ))}
      </Tabs>
      {'content' in pane ? (
        <Box id="record-pane" role="tabpanel" aria-labelledby={`record-tab-${shown}`}>
          {pane.content}
        </Box>
      ) : (
        <JsonPane title={pane.title} text={pane.text} tab={`record-tab-${shown}`} />
      )}
    </Paper>
  );
}

function JsonPane({ title, text, tab }: { title: string; text: string; tab: string }) {
  return (
    <Box id="record-pane" role="tabpanel" aria-labelledby={tab}>
      <Box role="region" aria-label={title}>
        <Stack direction="row" sx={{ alignItems: 'center', px: 1 }}>
          <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
            {text.length.toLocaleString()} characters
          </Typography>
          <Button
            size="small"
            startIcon={<ContentCopy />}
            onClick={() => void navigator.clipboard.writeText(text)}
          >
            Copy
          </Button>
        </Stack>
        <Box
          component="pre"
          tabIndex={0}
          aria-label={title}
          sx={{
            m: 0,
            p: 1,
            height: '48vh',
            overflow: 'auto',
            fontSize: 12,
            fontFamily: 'monospace',
          }}
        >
          {text}
        </Box>
      </Box>
    </Box>
  );
}

type Item = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function describeThreat(item: Item): [string, string] {
  const info = (item.threatInfo ?? {}) as Item;
  return [
    str(info.threatName) || str(item.id),
    `${str(info.classification)} · ${str(info.mitigationStatus)} · ${str(info.updatedAt)}`,
  ];
}

function describeActivity(item: Item): [string, string] {
  return [
    str(item.primaryDescription) || `Activity type ${String(item.activityType ?? '')}`,
    str(item.createdAt),
  ];
}

function Recent({
  title,
  items,
  describe,
  window,
}: {
  title: string;
  items: Item[];
  describe: (item: Item) => [string, string];
  /** What the stored records cover; absent: never synced. */
  window: { since: string | null } | undefined;
}) {
  const covered = window
    ? `Stored: ${describeWindow(window.since)}.`
    : 'Not synced for this console yet.';
  return (
    <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, p: 1 }} role="region" aria-label={title}>
      <Typography variant="subtitle2">
        {title} ({items.length})
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {covered}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None stored for this device.
        </Typography>
      ) : (
        <List dense sx={{ maxHeight: '22vh', overflow: 'auto' }}>
          {items.map((item) => {
            const [primary, secondary] = describe(item);
            return (
              <ListItem key={str(item.id)} divider>
                <ListItemText primary={primary} secondary={secondary} />
              </ListItem>
            );
          })}
        </List>
      )}
    </Paper>
  );
}

const DAY_MS = 86_400_000;

/** "42 days ago", "today": how long since the console last heard from the device. */
function ago(iso: string | undefined): string {
  if (iso === undefined) return 'never';
  const days = Math.floor((Date.now() - Date.parse(iso)) / DAY_MS);
  if (Number.isNaN(days)) return 'unknown';
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days.toLocaleString()} days ago`;
}

/** What an auditor reads first: the device's identity, where it sits, and its flags. */
function Summary({ row }: { row: GridRow }) {
  const facts: [string, string][] = [
    ['OS', row.os ?? 'unknown'],
    ['Device type', deviceTypeCaption(row.deviceType) ?? 'unknown'],
    ['IPs', row.ips.join(', ') || 'none'],
    ['External IP', row.externalIp ?? 'none'],
    ['Last user', row.users ?? 'none'],
    ['Site · group', `${row.site ?? '—'} · ${row.group ?? '—'}`],
    ['Agent version', row.agentVersion ?? 'unknown'],
    ['MACs', row.macs.join(', ') || 'none'],
    ['Serial number', row.serialNumber ?? 'none'],
    ['Network status', row.networkStatus ?? 'unknown'],
    ['Firewall', row.firewall ?? 'unknown'],
    ['Update status', row.updateStatus ?? 'unknown'],
    ['Infection status', row.infectionStatus ?? 'unknown'],
    [
      'Last seen',
      `${ago(row.lastSeen)}${row.lastSeen ? ` (${new Date(row.lastSeen).toLocaleString()})` : ''}`,
    ],
  ];
  const flags = [
    row.decommissioned && 'Decommissioned',
    row.infectionStatus === 'Infected' && 'Infected',
    (row.activeThreats ?? 0) > 0 && `${row.activeThreats} active threats`,
    row.firewall === 'Disabled' && 'Firewall off',
    row.updateStatus === 'Update Required' && 'Update required',
  ].filter((flag): flag is string => typeof flag === 'string');
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mt: 1 }} role="region" aria-label="Summary">
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr max-content 1fr',
          columnGap: 2,
          rowGap: 0.5,
        }}
      >
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} aria-label="Findings">
        {flags.length === 0 ? (
          <Chip size="small" color="success" label="No open findings" />
        ) : (
          flags.map((flag) => <Chip key={flag} size="small" color="error" label={flag} />)
        )}
      </Stack>
    </Paper>
  );
}
