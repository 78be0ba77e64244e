import { z } from 'zod';

// What the analyst can do next, named rather than worded: the backend never writes a CLI
// command or a button label. Each host words a step its own way (the CLI as a command, the
// GUI as a sentence or a button), so no CLI flag ever reaches a GUI message.

export const NEXT_ACTIONS = [
  /** Store a new API token for the console named by `subject`. */
  'set_token',
  /** Look up the configured consoles (a name did not match). */
  'list_consoles',
  /** Test the connection of the console named by `subject`. */
  'test_console',
  /** Sync the console named by `subject` (all when absent). */
  'sync',
  /** Remove the console `subject` together with its synced data. */
  'remove_console_with_data',
  /** Change the settings (URL, proxy, CA bundle) of the console `subject`. */
  'edit_console',
  /** Store an API key for the Sekoia target `subject`. */
  'set_api_key',
  /** Look up the configured Sekoia targets. */
  'list_targets',
  /** Deliver what the push to target `subject` left in its outbox. */
  'resume_push',
  /** Unlock or start the OS keychain. */
  'fix_keychain',
  /** Choose another data directory. */
  'choose_data_dir',
  /** Install a newer S1 Inventory. */
  'update_app',
] as const;

export const NextStep = z.object({
  action: z.enum(NEXT_ACTIONS),
  subject: z.string().optional(),
});
export type NextStep = z.infer<typeof NextStep>;
export type NextAction = NextStep['action'];

export const nextStep = (action: NextAction, subject?: string): NextStep =>
  subject === undefined ? { action } : { action, subject };

const quoted = (subject: string | undefined, fallback: string) =>
  subject === undefined ? fallback : `"${subject}"`;

/** A next step in the GUI's words: screens and buttons, never a command line. */
export function nextStepSentence(step: NextStep): string {
  const { subject } = step;
  switch (step.action) {
    case 'set_token':
      return `Give ${quoted(subject, 'the console')} a token with Set token on its card (Consoles).`;
    case 'list_consoles':
      return 'Check the name against the consoles on the Consoles screen.';
    case 'test_console':
      return `Test the connection of ${quoted(subject, 'the console')} on the Consoles screen.`;
    case 'sync':
      return subject === undefined ? 'Sync the console.' : `Sync "${subject}".`;
    case 'remove_console_with_data':
      return `Remove ${quoted(subject, 'the console')} again and confirm that its data goes too.`;
    case 'edit_console':
      return `Edit the settings of ${quoted(subject, 'the console')} on the Consoles screen.`;
    case 'set_api_key':
      return `Set the API key of Sekoia target ${quoted(subject, 'the target')} in the Push dialog.`;
    case 'list_targets':
      return 'Check the name against the targets in the Push dialog.';
    case 'resume_push':
      return `Resume the push${subject === undefined ? '' : ` to "${subject}"`} from the Push dialog.`;
    case 'fix_keychain':
      return 'Unlock the OS keychain (or start gnome-keyring or KWallet), then try again.';
    case 'choose_data_dir':
      return 'Free some space or fix the permissions of the data folder, then restart S1 Inventory.';
    case 'update_app':
      return 'Install the newer S1 Inventory that wrote this database.';
  }
}
