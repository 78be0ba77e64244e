import { readFileSync } from 'node:fs';
import { createDispatcher } from '../../adapters/http/dispatcher';
import { S1Client } from '../../adapters/sentinelone/client';
import type { ConsoleRecord } from '../../storage/console-repository';
import { InvalidConsoleSettingError } from './errors';

/** A SentinelOne client for one console, with its proxy and CA bundle. */
export function clientForConsole(record: ConsoleRecord, token: string): S1Client {
  let caPem: string | undefined;
  if (record.caBundle !== undefined) {
    try {
      caPem = readFileSync(record.caBundle, 'utf8');
    } catch (error) {
      throw new InvalidConsoleSettingError(
        `The CA bundle ${record.caBundle} of console "${record.name}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Restore the file, or give the console another CA bundle.`,
      );
    }
  }
  const dispatcher = createDispatcher({
    ...(record.proxyUrl === undefined ? {} : { proxyUrl: record.proxyUrl }),
    ...(caPem === undefined ? {} : { caPem }),
  });
  return new S1Client({ baseUrl: record.url, token, dispatcher });
}
