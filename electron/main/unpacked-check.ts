import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import type { Logger } from '../adapters/logging/log-file';
import { UNPACKED_MANIFEST, unpackedProblems } from '../hosts/desktop/unpacked-integrity';

/**
 * A packaged app checks the scripts left outside app.asar against the manifest inside it before
 * the backend loads any of them (issue 27, E13); on a mismatch it says so and quits.
 */
export function unpackedFilesIntact(log: Logger): boolean {
  if (!app.isPackaged) return true;
  const archive = app.getAppPath();
  let problems: string[];
  try {
    problems = unpackedProblems(
      readFileSync(join(archive, UNPACKED_MANIFEST), 'utf8'),
      `${archive}.unpacked`,
    );
  } catch (error) {
    problems = [`the manifest could not be read (${(error as Error).message})`];
  }
  if (problems.length === 0) return true;
  log.log('error', 'files of the installation were changed', { problems });
  dialog.showErrorBox(
    'S1 Inventory’s files were changed',
    `Files of this installation differ from the ones it was built with, so it will not start:\n\n${problems.slice(0, 5).join('\n')}\n\nReinstall S1 Inventory from its official package. Your data is untouched.`,
  );
  app.exit(1);
  return false;
}
