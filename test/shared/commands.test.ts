import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, commandForKey, type KeyPress } from '../../shared/commands';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe('the app commands', () => {
  it('map the same shortcuts in the browser as the menus show', () => {
    expect(commandForKey(press('f', { ctrlKey: true }), false)).toBe('find');
    expect(commandForKey(press('e', { ctrlKey: true }), false)).toBe('export');
    expect(commandForKey(press('S', { ctrlKey: true, shiftKey: true }), false)).toBe('syncAll');
    expect(commandForKey(press('3', { ctrlKey: true }), false)).toBe('go.devices');
    expect(commandForKey(press('f', { metaKey: true }), true)).toBe('find');
  });

  it('leave other keys to the page', () => {
    expect(commandForKey(press('f'), false)).toBeUndefined();
    expect(commandForKey(press('s', { ctrlKey: true }), false)).toBeUndefined();
    expect(commandForKey(press('f', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(commandForKey(press('f', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('give every command its own shortcut', () => {
    const accelerators = APP_COMMANDS.map((command) => command.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
