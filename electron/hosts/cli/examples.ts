// Examples for each command, by its path: `--help` ends with them, the man page lists them and
// docs/cli.md shows them (a test holds every command to having some). Each is a command line a
// person can paste, after `s1inv`.

export interface CliExample {
  line: string;
  what: string;
}

const e = (line: string, what: string): CliExample => ({ line, what });

export const CLI_EXAMPLES: Readonly<Record<string, readonly CliExample[]>> = {
  '': [
    e(
      'console add --name prod --url https://acme.sentinelone.net --token-stdin < token.txt',
      'add a console, its token to the keychain',
    ),
    e('sync', 'sync every console'),
    e("devices --where 'os:windows AND last_seen>30d'", 'the Windows devices not seen for 30 days'),
    e('export --format ocsf-ndjson --out fleet.ndjson', 'the inventory as OCSF'),
  ],
  console: [
    e('console list', 'the configured consoles'),
    e('console test prod', 'check the URL, TLS, token and scope'),
  ],
  'console add': [
    e(
      'console add --name prod --url https://acme.sentinelone.net --token-stdin < token.txt',
      'token read from a file, stored in the keychain',
    ),
    e(
      'console add --name lab --url https://lab.example --apis agents,threats --keep-snapshots 5',
      'sync two entities, keep five snapshots',
    ),
  ],
  'console set-token': [
    e('console set-token prod --token-stdin < new-token.txt', 'replace the stored token'),
  ],
  'console list': [e('console list --json', 'as JSON, for a script')],
  'console test': [
    e('console test prod', 'with the stored token'),
    e('console test prod --token-env S1_TOKEN', 'with a token from the environment'),
  ],
  'console remove': [
    e('console remove lab', 'forget the console and its token'),
    e('console remove lab --delete-data', 'and delete what was synced from it'),
  ],
  sync: [
    e('sync', 'every console, each with its own entities'),
    e('sync prod --apis agents,threats --since 90d', 'threats of the last 90 days too'),
    e(
      'sync prod --token-env S1_TOKEN --json',
      'a token from the environment, a summary for a script',
    ),
  ],
  health: [e('health', 'every console'), e('health prod --json', 'one console, as JSON')],
  devices: [
    e('devices --console prod', 'one console, as a table'),
    e(
      "devices --where 'agent_version<23.4 AND NOT decommissioned' --json",
      'a query (docs/query.md), as JSON',
    ),
    e('devices --history LAPTOP-042', "one device's history across kept snapshots"),
  ],
  notes: [
    e(
      "notes LAPTOP-042 --triage 'needs action' --tag vip --note 'ask IT'",
      'triage, tag and annotate a device',
    ),
    e('notes 1559342436000000001 --json', "a device's notes by agent id"),
  ],
  diff: [
    e('diff', 'the last two snapshots of each console'),
    e('diff --console prod --from 3 --to 7 --json', 'two chosen snapshots, as JSON'),
  ],
  export: [
    e('export --format csv --out fleet.csv', "the grid's columns for a spreadsheet"),
    e('export --format xlsx --out fleet.xlsx', 'a workbook: ids as text, dates as dates'),
    e(
      "export --format ocsf-ndjson --out - --where 'infected' | jq .device.hostname",
      'to standard output, only infected devices',
    ),
    e(
      'export --format ocsf-parquet --entity threats --out lake/ --layout security-lake --lake-source sentinelone-threats --lake-region eu-west-1 --lake-account 123456789012',
      'Amazon Security Lake partitions',
    ),
  ],
  audit: [e('audit --json', 'every export and push, as JSON')],
  sekoia: [e('sekoia list', 'the configured targets')],
  'sekoia add': [
    e(
      'sekoia add --name soc --connector-uuid 0b1e… --api-key-stdin < key.txt',
      'a target, its key to the keychain',
    ),
  ],
  'sekoia list': [e('sekoia list --json', 'as JSON')],
  'sekoia remove': [e('sekoia remove soc', 'forget the target and its key')],
  push: [
    e('push soc', 'every current device'),
    e('push soc --console prod --resume', "one console's, resuming an interrupted push"),
  ],
  config: [e('config export --out s1inv.json', 'the configuration, without secrets')],
  'config export': [
    e('config export --out s1inv.json', 'consoles, URLs, entities and views'),
    e('config export --out handover.json --with-notes', 'with your device notes'),
  ],
  'config import': [e('config import s1inv.json', 'add or update the consoles it names')],
  serve: [e('serve --open', 'the app in your browser'), e('serve --port 8443', 'on a chosen port')],
  completion: [
    e('completion bash > ~/.local/share/bash-completion/completions/s1inv', 'bash'),
    e('completion zsh > "${fpath[1]}/_s1inv"', 'zsh'),
    e('completion fish > ~/.config/fish/completions/s1inv.fish', 'fish'),
  ],
  manpage: [
    e('manpage > ~/.local/share/man/man1/s1inv.1', 'install the manual page (then: man s1inv)'),
  ],
};

/** The examples as `--help` ends with them. */
export function examplesHelp(path: string): string {
  const examples = CLI_EXAMPLES[path] ?? [];
  if (examples.length === 0) return '';
  const lines = examples.map((example) => `  $ s1inv ${example.line}\n      ${example.what}`);
  return `\nExamples:\n${lines.join('\n')}\n`;
}
