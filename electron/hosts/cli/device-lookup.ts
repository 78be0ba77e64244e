import { printQuery } from '../../../shared/query/query-printer';
import { UsageError, type CliContext } from './context';

/** The devices whose agent id or hostname (any case) is `device`, in one console or all. */
export async function devicesNamed(context: CliContext, device: string, consoleName?: string) {
  const where = printQuery({
    kind: 'or',
    items: [
      { kind: 'compare', field: 'agent_id', op: ':', value: device },
      { kind: 'compare', field: 'hostname', op: ':', value: device },
    ],
  });
  const { rows } = await context.call('devices.list', {
    where,
    ...(consoleName === undefined ? {} : { console: consoleName }),
  });
  if (rows.length === 0) {
    throw new Error(
      `No device has the agent id or hostname "${device}"${consoleName ? ` in "${consoleName}"` : ''}. s1inv devices lists them.`,
    );
  }
  return rows;
}

/** The one device named so; more than one is a usage error that lists their agent ids. */
export async function onlyDevice(context: CliContext, device: string, consoleName?: string) {
  const rows = await devicesNamed(context, device, consoleName);
  if (rows.length > 1) {
    throw new UsageError(
      `${rows.length} devices are named "${device}": give the agent id instead (${rows
        .slice(0, 5)
        .map((r) => `${r.agentId} in ${r.console}`)
        .join(', ')}${rows.length > 5 ? ', …' : ''}).`,
    );
  }
  return rows[0]!;
}
