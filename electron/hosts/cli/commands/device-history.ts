import type { DeviceHistory } from '../../../../shared/contract/views';
import { devicesNamed } from '../device-lookup';
import type { CliContext } from '../context';
import { printJson, terminalText } from '../output';

const EVENT_WORDS: Record<DeviceHistory['events'][number]['kind'], string> = {
  first: 'first seen',
  changed: 'changed',
  gone: 'not in this snapshot',
  back: 'back',
};

/**
 * `s1inv devices --history DEVICE`: each device whose agent id or hostname is DEVICE, across the
 * snapshots its console keeps: first and last seen, and what changed when.
 */
export async function printDeviceHistory(
  context: CliContext,
  device: string,
  options: { console?: string; json?: boolean },
): Promise<void> {
  const rows = await devicesNamed(context, device, options.console);
  const histories: DeviceHistory[] = [];
  for (const row of rows) {
    histories.push(
      await context.call('devices.history', { console: row.console, agentId: row.agentId }),
    );
  }
  if (options.json) return printJson(context, histories);
  histories.forEach((history, i) => printOne(context, history, i > 0));
}

function printOne(context: CliContext, history: DeviceHistory, after: boolean): void {
  const { io } = context;
  io.stdout(
    `${after ? '\n' : ''}${terminalText(history.hostname ?? '(no hostname)')} · console ${terminalText(history.console)} · agent ${history.agentId}\n` +
      `First seen ${history.firstSeen ?? '—'} · last seen ${history.lastSeen ?? '—'} · in ${history.present} of ${history.snapshots} kept snapshot(s)\n\n`,
  );
  // One line per event, then one per column that changed: a long value never hides another.
  for (const event of history.events) {
    io.stdout(`${event.takenAt}  snapshot ${event.snapshotId}  ${EVENT_WORDS[event.kind]}\n`);
    for (const field of event.fields) {
      io.stdout(
        `    ${field.field}: ${terminalText(field.before || '—')} → ${terminalText(field.after || '—')}\n`,
      );
    }
  }
}
