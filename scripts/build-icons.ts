// The app's icons, generated from assets/icon.svg at build time (icon-gen): PNGs for Linux
// (build/icons/png/NxN.png, as electron-builder reads them), an .icns for macOS and an .ico
// for Windows. Nothing generated is committed.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import iconGen from 'icon-gen';

export const ICONS_DIR = join('build', 'icons');
const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512];

export async function buildIcons(): Promise<string[]> {
  rmSync(ICONS_DIR, { recursive: true, force: true });
  mkdirSync(join(ICONS_DIR, 'png'), { recursive: true });
  await iconGen('assets/icon.svg', ICONS_DIR, {
    report: false,
    ico: { name: 'icon', sizes: [16, 24, 32, 48, 64, 128, 256] },
    icns: { name: 'icon', sizes: [16, 32, 64, 128, 256, 512, 1024] },
    favicon: { name: 'png-', pngSizes: PNG_SIZES, icoSizes: [] },
  });
  for (const size of PNG_SIZES) {
    renameSync(join(ICONS_DIR, `png-${size}.png`), join(ICONS_DIR, 'png', `${size}x${size}.png`));
  }
  return ['icon.icns', 'icon.ico', ...PNG_SIZES.map((size) => `png/${size}x${size}.png`)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`icons: ${(await buildIcons()).join(', ')}`);
}
