import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Issue 28: the release workflow reads the desktop entry of the AppImage it built. No AppImage
// can be built here (its toolset downloads from GitHub), so a stand-in answers the one call the
// check makes of an AppImage, `--appimage-extract '*.desktop'`, as the AppImage runtime does:
// it writes squashfs-root/<name>.desktop into the current folder.

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function appImageWithExec(exec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 's1inv-appimage-'));
  made.push(dir);
  const image = join(dir, 'S1 Inventory-0.1.0.AppImage');
  writeFileSync(
    image,
    `#!/bin/sh\n[ "$1" = --appimage-extract ] || exit 2\nmkdir -p squashfs-root\nprintf '%s\\n' '[Desktop Entry]' 'Name=S1 Inventory' 'Exec=${exec}' > squashfs-root/s1-inventory.desktop\n`,
  );
  chmodSync(image, 0o755);
  return image;
}

const check = (image: string) =>
  spawnSync('bash', ['scripts/check-appimage-sandbox.sh', image], { encoding: 'utf8' });

describe('check-appimage-sandbox.sh', () => {
  it('passes an AppImage whose desktop entry keeps the sandbox', () => {
    const result = check(appImageWithExec('AppRun %U'));
    expect(result.stdout).toContain('Exec=AppRun %U');
    expect(result.status).toBe(0);
  });

  it('fails one that starts with --no-sandbox, and says what to change', () => {
    const result = check(appImageWithExec('AppRun --no-sandbox %U'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/without Chromium's sandbox: set toolsets\.appimage/);
  });
});
