import { useState } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import type { OverviewStats } from '../../../shared/contract/views';

const TOP = 8;
const top = (counts: { key: string; count: number }[]) => {
  const head = counts.slice(0, TOP);
  const rest = counts.slice(TOP).reduce((sum, c) => sum + c.count, 0);
  return rest > 0 ? [...head, { key: 'Other', count: rest }] : head;
};

/** Overview: the fleet at a glance, and the audit counts per console. */
export function OverviewScreen() {
  const [staleDays, setStaleDays] = useState(30);
  const stats = useQuery('overview.stats', { staleDays });
  useEvent('sync.finished', stats.reload);
  const s = stats.data;
  return (
    <Box sx={{ p: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Overview {s ? `· ${s.devices.toLocaleString()} devices` : ''}
        </Typography>
        <TextField
          size="small"
          type="number"
          label="Stale after (days)"
          value={staleDays}
          onChange={(e) => setStaleDays(Math.max(1, Number(e.target.value) || 1))}
          sx={{ width: 150 }}
        />
      </Stack>
      <ErrorNotice error={stats.error} />
      {s && s.devices === 0 && (
        <Typography role="status" color="text.secondary">
          No devices yet: add a console and sync it on the Consoles screen.
        </Typography>
      )}
      {s && s.devices > 0 && <Headline consoles={s.consoles} staleDays={staleDays} />}
      {s && s.devices > 0 && (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
            gap: 2,
          }}
        >
          <Panel title="Audit findings per console">
            <BarChart
              skipAnimation
              height={280}
              xAxis={[{ scaleType: 'band', data: s.consoles.map((c) => c.console) }]}
              series={[
                { label: `Stale (> ${staleDays} d)`, data: s.consoles.map((c) => c.stale) },
                { label: 'Infected', data: s.consoles.map((c) => c.infected) },
                { label: 'Out of date', data: s.consoles.map((c) => c.outOfDate) },
                { label: 'Firewall off', data: s.consoles.map((c) => c.firewallOff) },
              ]}
            />
          </Panel>
          <Panel title="Operating systems">
            <PieChart
              skipAnimation
              height={280}
              series={[
                {
                  data: top(s.os).map((c, id) => ({ id, value: c.count, label: c.key })),
                  innerRadius: 50,
                },
              ]}
            />
          </Panel>
          <Panel title="Agent versions">
            <BarChart
              skipAnimation
              height={280}
              layout="horizontal"
              yAxis={[
                { scaleType: 'band', data: top(s.agentVersions).map((c) => c.key), width: 110 },
              ]}
              series={[{ label: 'Devices', data: top(s.agentVersions).map((c) => c.count) }]}
            />
          </Panel>
          <Panel title="Device types">
            <PieChart
              skipAnimation
              height={280}
              series={[
                { data: top(s.deviceTypes).map((c, id) => ({ id, value: c.count, label: c.key })) },
              ]}
            />
          </Panel>
        </Box>
      )}
    </Box>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

type ConsoleCounts = OverviewStats['consoles'];

/** The audit's answers first: each finding as a share of the active (not decommissioned) fleet. */
function Headline({ consoles, staleDays }: { consoles: ConsoleCounts; staleDays: number }) {
  const sum = (pick: (c: ConsoleCounts[number]) => number) =>
    consoles.reduce((total, c) => total + pick(c), 0);
  const active = sum((c) => c.devices - c.decommissioned);
  const share = (count: number) =>
    active === 0
      ? '—'
      : `${((100 * count) / active).toFixed(count > 0 && count < active / 100 ? 1 : 0)} %`;
  const figures: [string, number][] = [
    ['Infected', sum((c) => c.infected)],
    [`Stale (> ${staleDays} d)`, sum((c) => c.stale)],
    ['Out of date', sum((c) => c.outOfDate)],
    ['Firewall off', sum((c) => c.firewallOff)],
  ];
  return (
    <Box
      component="section"
      aria-label="Findings"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))',
        gap: 2,
        mb: 2,
      }}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="body2" color="text.secondary">
          Active devices
        </Typography>
        <Typography variant="h5" component="p">
          {active.toLocaleString()}
        </Typography>
      </Paper>
      {figures.map(([label, count]) => (
        <Paper key={label} variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h5" component="p">
            {share(count)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {count.toLocaleString()} of {active.toLocaleString()}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
