import { createDispatcher } from '../../adapters/http/dispatcher';
import { S1Client } from '../../adapters/sentinelone/client';
import type { ConsoleRecord } from '../../storage/console-repository';
import { InvalidConsoleSettingError } from './errors';
import { readCaBundle } from './console-settings';

/** A SentinelOne client for one console, with its proxy and CA bundle. */
export function clientForConsole(record: ConsoleRecord, token: string): S1Client {
  let caPem: string | undefined;
  if (record.caBundle !== undefined) {
    try {
      caPem = readCaBundle(record.caBundle);
    } catch (error) {
      throw new InvalidConsoleSettingError(
        `Console "${record.name}": ${(error as Error).message} Restore the file, or give the console another CA bundle.`,
      );
    }
  }
  const dispatcher = createDispatcher({
    ...(record.proxyUrl === undefined ? {} : { proxyUrl: record.proxyUrl }),
    ...(caPem === undefined ? {} : { caPem }),
  });
  return new S1Client({ baseUrl: record.url, token, dispatcher });
}
