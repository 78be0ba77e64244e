#!/usr/bin/env node
// The `s1inv` command. It runs the TypeScript sources through tsx, so a checkout works right
// after `npm ci` with no build step; the packaged desktop app bundles its own entry instead.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/hosts/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
