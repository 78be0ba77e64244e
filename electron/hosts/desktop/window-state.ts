import { readFileSync } from 'node:fs';
// zod's tree-shakable build: main's bundle carries only what this one schema uses.
import * as z from 'zod/mini';
import { writeFileAtomic } from '../../adapters/files/atomic-write';

// The window's size, position and maximised state, remembered between launches and checked
// against the displays present: a window saved on a monitor since unplugged opens on one that
// exists. Free of Electron, so Node tests hold it to that.

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Area, 'x' | 'y'>> & Pick<Area, 'width' | 'height'>;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
/** How much of the title bar must be on a display for the saved position to be kept. */
const GRIP = { width: 120, height: 40 };

const Saved = z.object({
  bounds: z.object({
    x: z.int(),
    y: z.int(),
    width: z.int().check(z.positive()),
    height: z.int().check(z.positive()),
  }),
  maximized: z.boolean(),
});

/** Where the window opens, from what was saved (anything, even nothing) and the displays now. */
export function restoreWindowState(saved: unknown, displays: readonly Area[]): WindowState {
  const parsed = Saved.safeParse(saved);
  if (!parsed.success) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const { bounds, maximized } = parsed.data;
  const largest = displays.reduce(
    (best, area) => (area.width * area.height > best.width * best.height ? area : best),
    { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
  );
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, largest.width));
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, largest.height));
  const titleBar = { x: bounds.x, y: bounds.y, width, height: GRIP.height };
  const reachable = displays.some((area) => overlap(titleBar, area) >= GRIP.width * GRIP.height);
  return {
    bounds: reachable ? { x: bounds.x, y: bounds.y, width, height } : { width, height },
    maximized,
  };
}

function overlap(a: Area, b: Area): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // first launch, or a damaged file: the defaults do
  }
}

export function saveWindowState(file: string, state: { bounds: Area; maximized: boolean }): void {
  writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}
