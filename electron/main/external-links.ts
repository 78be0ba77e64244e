import { dialog, shell, type BrowserWindow } from 'electron';
import { LinkPolicy, type LinkAnswer } from '../hosts/desktop/link-policy';

/**
 * The one place the app opens anything outside itself, in the default browser, by main's own
 * rules (LinkPolicy): the help pages, and any other https host once the analyst says so.
 */
export function linkOpener(window: () => BrowserWindow | undefined): LinkPolicy {
  return new LinkPolicy({
    open: (url) => shell.openExternal(url.href),
    confirm: async (url): Promise<LinkAnswer> => {
      const options = {
        type: 'question' as const,
        title: 'Open link',
        message: `Open ${url.hostname} in your browser?`,
        detail: url.href,
        buttons: ['Open', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        checkboxLabel: `Open links to ${url.hostname} without asking until S1 Inventory quits`,
      };
      const shown = window();
      const choice = shown
        ? await dialog.showMessageBox(shown, options)
        : await dialog.showMessageBox(options);
      if (choice.response !== 0) return 'cancel';
      return choice.checkboxChecked ? 'trust' : 'open';
    },
  });
}
