import { shell } from 'electron';
import { checkExternalUrl, HELP_HOSTS } from '../adapters/platform/external-url';

/**
 * The one place the app opens anything outside itself, in the default browser. Main opens the
 * help pages itself; other links arrive from the backend, which checked them against the
 * configured consoles' and targets' hosts (`app.openExternal`), and are passed in as allowed.
 */
export async function openExternalLink(
  url: string,
  alsoAllowed: readonly string[] = [],
): Promise<boolean> {
  const checked = checkExternalUrl(url, new Set([...HELP_HOSTS, ...alsoAllowed]));
  if (!checked) return false;
  await shell.openExternal(checked.href);
  return true;
}
