import { useState } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import type { OverviewStats } from '../../../shared/contract/views';
import { compareVersions } from '../../../shared/devices/os-caption';
import { NO_VALUE, type FacetKey } from '../../../shared/devices/facets';
import { navigate } from '../routing/useRoute';

const TOP = 8;
const OTHER = 'Other';
type Count = { key: string; count: number };
const top = (counts: Count[]) => {
  const head = counts.slice(0, TOP);
  const rest = counts.slice(TOP).reduce((sum, c) => sum + c.count, 0);
  return rest > 0 ? [...head, { key: OTHER, count: rest }] : head;
};

/** Opens the grid on the devices a chart's bar or slice counts. */
function openDevices(params: [string, string][]): void {
  navigate({ screen: 'devices', query: new URLSearchParams(params) });
}

/** A slice or bar of a top-8 chart: its value, or "Other", which is every value but the top 8. */
function openFacet(facet: FacetKey, counts: Count[], index: number): void {
  const shown = top(counts);
  const key = shown[index]?.key;
  if (key === undefined) return;
  openDevices(
    key === OTHER
      ? counts.slice(0, TOP).map((c) => [`not.${facet}`, c.key])
      : [[`is.${facet}`, key]],
  );
}

/** The newest agent version the fleet runs, marked in the chart: the rest are behind it. */
function newest(versions: Count[]): string | undefined {
  return versions
    .map((v) => v.key)
    .filter((key) => key !== NO_VALUE)
    .sort(compareVersions)
    .at(-1);
}

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
              yAxis={[{ width: 64, valueFormatter: (v: number) => v.toLocaleString() }]}
              series={[
                {
                  id: 'stale',
                  label: `Stale (> ${staleDays} d)`,
                  data: s.consoles.map((c) => c.stale),
                },
                { id: 'infected', label: 'Infected', data: s.consoles.map((c) => c.infected) },
                { id: 'outOfDate', label: 'Out of date', data: s.consoles.map((c) => c.outOfDate) },
                {
                  id: 'firewallOff',
                  label: 'Firewall off',
                  data: s.consoles.map((c) => c.firewallOff),
                },
              ]}
              onItemClick={(_event, item) => {
                const console = s.consoles[item.dataIndex]?.console;
                if (console === undefined) return;
                openDevices([
                  ['is.console', console],
                  ['quick', String(item.seriesId)],
                  ...(staleDays === 30
                    ? []
                    : ([['stale', String(staleDays)]] as [string, string][])),
                ]);
              }}
            />
          </Panel>
          <Panel title="Operating systems (active devices)">
            <PieChart
              skipAnimation
              height={280}
              series={[
                {
                  data: top(s.os).map((c, id) => ({ id, value: c.count, label: c.key })),
                  innerRadius: 50,
                },
              ]}
              onItemClick={(_event, item) => openFacet('osType', s.os, item.dataIndex)}
            />
          </Panel>
          <Panel title="Agent versions (active devices)">
            <BarChart
              skipAnimation
              height={280}
              layout="horizontal"
              yAxis={[
                {
                  scaleType: 'band',
                  data: top(s.agentVersions).map((c) =>
                    c.key === newest(s.agentVersions) ? `${c.key} (newest)` : c.key,
                  ),
                  width: 150,
                },
              ]}
              xAxis={[{ valueFormatter: (v: number) => v.toLocaleString() }]}
              series={[{ label: 'Devices', data: top(s.agentVersions).map((c) => c.count) }]}
              onItemClick={(_event, item) =>
                openFacet('agentVersion', s.agentVersions, item.dataIndex)
              }
            />
          </Panel>
          <Panel title="Device types (active devices)">
            <PieChart
              skipAnimation
              height={280}
              series={[
                { data: top(s.deviceTypes).map((c, id) => ({ id, value: c.count, label: c.key })) },
              ]}
              onItemClick={(_event, item) => openFacet('deviceType', s.deviceTypes, item.dataIndex)}
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
  const share = (count: number, of: number) =>
    of === 0 ? '—' : `${((100 * count) / of).toFixed(count > 0 && count < of / 100 ? 1 : 0)} %`;
  const stale: [string, string][] = staleDays === 30 ? [] : [['stale', String(staleDays)]];
  const quick = (name: string): [string, string][] => [['quick', name], ...stale];
  /** Label, devices found, what opens them in the grid, and out of how many. */
  const figures: [string, number, [string, string][], number][] = [
    ['Infected', sum((c) => c.infected), quick('infected'), active],
    [`Stale (> ${staleDays} d)`, sum((c) => c.stale), quick('stale'), active],
    ['Out of date', sum((c) => c.outOfDate), quick('outOfDate'), active],
    ['Firewall off', sum((c) => c.firewallOff), quick('firewallOff'), active],
  ];
  // Where CVEs are read: the devices whose worst open CVE is critical, or high.
  const withCves = sum((c) => c.withCves);
  if (withCves > 0) {
    figures.push(
      ['Critical CVEs', sum((c) => c.critical), [['is.highestSeverity', 'Critical']], withCves],
      ['High CVEs', sum((c) => c.high), [['is.highestSeverity', 'High']], withCves],
    );
  }
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
      {figures.map(([label, count, params, of]) => (
        <Paper
          key={label}
          variant="outlined"
          component={ButtonBase}
          onClick={() => openDevices(params)}
          sx={{ p: 2, display: 'block', textAlign: 'left', width: '100%' }}
        >
          <Typography
            variant="body2"
            color="text.secondary"
            component="span"
            sx={{ display: 'block' }}
          >
            {label}
          </Typography>
          <Typography variant="h5" component="span" sx={{ display: 'block' }}>
            {share(count, of)}
          </Typography>
          <Typography
            variant="body2"
            color="text.secondary"
            component="span"
            sx={{ display: 'block' }}
          >
            {count.toLocaleString()} of {of.toLocaleString()}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
