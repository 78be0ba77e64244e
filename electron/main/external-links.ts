import { shell } from 'electron';
import { checkExternalUrl } from '../adapters/platform/external-url';

/** The one place the app opens anything outside itself: https links, in the default browser. */
export async function openExternalLink(url: string): Promise<boolean> {
  const checked = checkExternalUrl(url);
  if (!checked) return false;
  await shell.openExternal(checked.href);
  return true;
}
