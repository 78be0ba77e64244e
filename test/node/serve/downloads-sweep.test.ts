import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { useTempDirs } from '../../support/temp-dir';

// Exports served to the browser do not outlive a `serve` that was killed (issue 27, N32): the
// next one sweeps its downloads folder at start.

const tempDir = useTempDirs();

/** A pid that ran and is gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('serve’s downloads', () => {
  it('are swept at start when their serve is gone, and kept while it runs', () => {
    const tmp = tempDir();
    const stale = join(tmp, `s1inv-downloads-${deadPid()}-Ab12Cd`);
    const live = join(tmp, `s1inv-downloads-${process.pid}-Ef34Gh`);
    const old = join(tmp, 's1inv-downloads-Ij56Kl');
    const unrelated = join(tmp, 'other-folder');
    for (const dir of [stale, live, old, unrelated]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'fleet.ocsf.json'), '[]');
    }
    const twoDaysAgo = (Date.now() - 2 * 24 * 3_600_000) / 1000;
    utimesSync(old, twoDaysAgo, twoDaysAgo);

    const platform = new ServePlatform(tmp);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    platform.dispose();
  });
});
