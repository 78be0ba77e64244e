import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  readWindowState,
  restoreWindowState,
  saveWindowState,
} from '../../../electron/hosts/desktop/window-state';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1080 };
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('the window state', () => {
  it('opens where it was, maximised or not, when that display is still there', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreWindowState(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('keeps the size but drops the position when its display is gone', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoreWindowState(saved, [LAPTOP])).toEqual({
      bounds: { width: 1600, height: 1000 },
      maximized: false,
    });
  });

  it('fits a size larger than any display, and never goes below the minimum', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(restoreWindowState(huge, [LAPTOP]).bounds).toMatchObject({ width: 1920, height: 1080 });
    const tiny = { bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false };
    expect(restoreWindowState(tiny, [LAPTOP]).bounds).toMatchObject(MIN_SIZE);
  });

  it('a title bar pushed off the top of every display is brought back', () => {
    const offTop = { bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(offTop, [LAPTOP]).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('falls back to the defaults for a first launch or a damaged file', () => {
    const dir = tempDir();
    expect(restoreWindowState(readWindowState(join(dir, 'none.json')), [LAPTOP])).toEqual({
      bounds: DEFAULT_SIZE,
      maximized: false,
    });
    expect(restoreWindowState({ bounds: 'x' }, [LAPTOP]).bounds).toEqual(DEFAULT_SIZE);
  });

  it('round-trips through its file', () => {
    const file = join(tempDir(), 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: false };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(restoreWindowState(readWindowState(file), [LAPTOP])).toEqual(state);
  });
});
