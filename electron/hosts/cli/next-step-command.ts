import type { NextStep } from '../../../shared/errors/next-step';

const arg = (subject: string | undefined, placeholder: string) =>
  subject === undefined ? placeholder : /^[\w.-]+$/.test(subject) ? subject : `"${subject}"`;

/**
 * A next step in the CLI's words: the command to run. `tokenEnv` is the variable this run read
 * the console's token from: a later command needs it again, since it was not stored.
 */
export function nextStepCommand(step: NextStep, tokenEnv?: string): string {
  const { subject } = step;
  if (step.action === 'sync' && tokenEnv !== undefined) {
    return `sync with: s1inv sync ${arg(subject, 'NAME')} --token-env ${tokenEnv} (the token was read from ${tokenEnv} for this run only; store it with: s1inv console set-token ${arg(subject, 'NAME')} --token-stdin, and later commands need no --token-env)`;
  }
  switch (step.action) {
    case 'set_token':
      return `store a token with: s1inv console set-token ${arg(subject, 'NAME')} --token-stdin (or pass one for this run with --token-env VAR)`;
    case 'list_consoles':
      return 'see the configured consoles with: s1inv console list';
    case 'test_console':
      return `test it with: s1inv console test ${arg(subject, 'NAME')}`;
    case 'sync':
      return `sync with: s1inv sync${subject === undefined ? '' : ` ${arg(subject, '')}`}`;
    case 'remove_console_with_data':
      return `remove it with: s1inv console remove ${arg(subject, 'NAME')} --delete-data`;
    case 'edit_console':
      return `re-add the console with the right --url, --proxy or --ca-bundle (s1inv console remove ${arg(subject, 'NAME')}, then s1inv console add)`;
    case 'set_api_key':
      return `pass the key for this run with --api-key-env VAR, or re-add target ${arg(subject, 'NAME')} with --api-key-stdin`;
    case 'list_targets':
      return 'see the targets with: s1inv sekoia list';
    case 'resume_push':
      return `resume with: s1inv push ${arg(subject, 'NAME')} --resume`;
    case 'fix_keychain':
      return 'unlock or start the keychain (gnome-keyring, KWallet), or pass the secret for this run with --token-env VAR (--api-key-env VAR for Sekoia)';
    case 'choose_data_dir':
      return 'free space or fix permissions, or choose another directory with --data-dir DIR';
    case 'update_app':
      return 'update S1 Inventory, or use another --data-dir';
  }
}
