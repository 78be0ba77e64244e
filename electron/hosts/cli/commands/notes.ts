import { Option, type Command } from 'commander';
import { TRIAGE_STATES, type DeviceNotes } from '../../../../shared/devices/device-notes';
import type { CliContext } from '../context';
import { printJson, terminalText } from '../output';
import { onlyDevice } from '../device-lookup';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `s1inv notes DEVICE`: the analyst's tags, note and triage state on a device (agent id or
 * hostname), read and changed. Local only: never sent to a console.
 */
export function registerNotesCommand(program: Command, context: CliContext): void {
  program
    .command('notes')
    .description(
      'your tags, note and triage state on a device (kept here, never sent to the console)',
    )
    .argument('<device>', 'agent id or hostname')
    .option('--console <name>', 'the console, when the hostname is in more than one')
    .addOption(new Option('--triage <state>', 'set the triage state').choices(TRIAGE_STATES))
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--note <text>', 'set the note ("" clears it)')
    .option('--json', 'print the notes as JSON')
    .action(
      async (
        device: string,
        options: {
          console?: string;
          triage?: DeviceNotes['triage'];
          tag?: string[];
          untag?: string[];
          note?: string;
          json?: boolean;
        },
      ) => {
        const { console: consoleName, agentId } = await onlyDevice(
          context,
          device,
          options.console,
        );
        const detail = await context.call('devices.detail', { console: consoleName, agentId });
        let notes = detail.notes;
        const changing =
          options.triage !== undefined ||
          options.tag ||
          options.untag ||
          options.note !== undefined;
        if (changing) {
          const removed = new Set(options.untag ?? []);
          notes = await context.call('devices.setNotes', {
            console: consoleName,
            agentId,
            notes: {
              triage: options.triage ?? notes.triage,
              tags: [...notes.tags, ...(options.tag ?? [])].filter((tag) => !removed.has(tag)),
              note: options.note ?? notes.note,
            },
          });
        }
        if (options.json) return printJson(context, { console: consoleName, agentId, ...notes });
        context.io.stdout(
          `${terminalText(detail.row.hostname ?? agentId)} · console ${terminalText(consoleName)} · agent ${agentId}\n` +
            `Triage: ${notes.triage}\nTags: ${notes.tags.map((t) => terminalText(t)).join(', ') || '—'}\n` +
            `Note: ${notes.note ? terminalText(notes.note, 2_000) : '—'}\n`,
        );
      },
    );
}
