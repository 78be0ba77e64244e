// `npm run package:cli:check` (CI runs it): the packed CLI, installed the way an analyst installs
// it (`npm install -g` of the tarball, into a temporary prefix), runs from that install alone:
// --help, then a sync of a fake console (the demo console's fleet, on loopback) and an OCSF
// export whose every record validates. Its data goes to a temporary folder.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import projectPackage from '../package.json' with { type: 'json' };
import { validateDeviceInventoryInfo } from '../shared/ocsf/validator';
import { FakeS1Console } from '../test/support/fake-s1/server';
import { fleet } from '../test/support/sync-fixture';
import { CLI_RELEASE_DIR } from './pack-cli';

const AGENTS = 250;
const TOKEN = 'cli-check-token';
const tarball = resolve(CLI_RELEASE_DIR, `s1inventory-cli-${projectPackage.version}.tgz`);
const work = mkdtempSync(join(tmpdir(), 's1inv-cli-check-'));
const prefix = join(work, 'prefix');
const s1 = await FakeS1Console.start();
try {
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--loglevel',
      'error',
      tarball,
    ],
    { stdio: 'inherit' },
  );
  const bin = join(prefix, 'bin', 's1inv');
  const env = { ...process.env, S1INV_DATA_DIR: join(work, 'data'), S1_CHECK_TOKEN: TOKEN };
  // From a folder outside the checkout, so nothing of the repository's node_modules is in reach;
  // asynchronously, so the fake console in this process goes on answering.
  const s1inv = async (...args: string[]) =>
    (await promisify(execFile)(bin, args, { cwd: work, env, encoding: 'utf8' })).stdout;

  const help = await s1inv('--help');
  if (!help.includes('Usage: s1inv')) throw new Error(`s1inv --help printed:\n${help}`);
  console.log(
    `package:cli:check: ${bin} --help answers (version ${(await s1inv('--version')).trim()})`,
  );

  s1.addToken(TOKEN, {
    scope: 'global',
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  fleet(s1, { agents: AGENTS, threats: 10, activities: 20 });
  await s1inv('console', 'add', '--name', 'demo', '--url', s1.url);
  // The envelope every --json output has (docs/cli.md).
  const sync = JSON.parse(
    await s1inv('sync', 'demo', '--token-env', 'S1_CHECK_TOKEN', '--json'),
  ) as {
    ok: boolean;
    value: { console: string; apis: { api: string; fetched: number; complete: boolean }[] }[];
  };
  const agents = sync.value
    .find((entry) => entry.console === 'demo')
    ?.apis.find((entry) => entry.api === 'agents');
  if (!agents?.complete || agents.fetched !== AGENTS)
    throw new Error(`the sync did not fetch ${AGENTS} agents: ${JSON.stringify(sync)}`);

  const out = join(work, 'fleet.json');
  await s1inv('export', '--format', 'ocsf-json', '--out', out);
  const records = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
  const invalid = records.filter((record) => validateDeviceInventoryInfo(record).length > 0);
  if (records.length !== AGENTS || invalid.length > 0)
    throw new Error(`the export holds ${records.length} records, ${invalid.length} invalid`);
  console.log(
    `package:cli:check: the installed s1inv synced ${AGENTS} agents and exported ${records.length} valid OCSF records`,
  );
} finally {
  await s1.close();
  rmSync(work, { recursive: true, force: true });
}
