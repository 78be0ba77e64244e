#!/usr/bin/env node
// The `s1inv` command: the CLI's bundle (dist/cli, built by `npm run build:cli`, which the
// README's install step runs), so starting it parses no TypeScript.
import { requireNode } from './require-node.js';

requireNode('s1inv', 'Install Node 24 (https://nodejs.org), then run s1inv again.');
let cli;
try {
  cli = await import('../dist/cli/s1inv.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli')) {
    throw error;
  }
  process.stderr.write(
    's1inv: the CLI is not built yet. Run: npm run build:cli (or bash scripts/install.sh)\n',
  );
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
