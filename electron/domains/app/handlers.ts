import { checkExternalUrl, HELP_HOSTS } from '../../adapters/platform/external-url';
import type { Backend } from '../../backend/backend';
import type { HandlerGroup } from '../../backend/handler-types';

export const appHandlers: HandlerGroup<
  'app.info' | 'app.openExternal' | 'app.settings' | 'app.setSettings' | 'app.updateCheck'
> = {
  'app.info': async (_args, backend) => {
    const demoConsole = await backend.findDemoConsole();
    return {
      version: backend.version,
      dataDir: backend.dataDir,
      transport: backend.platform.transport,
      ...(demoConsole ? { demoConsole } : {}),
    };
  },
  'app.settings': async (_args, backend) => backend.storage.settings.get(),
  'app.setSettings': async (changes, backend) => {
    const settings = backend.storage.settings.set(changes);
    backend.log.log('info', 'settings changed', changes);
    return settings;
  },
  'app.updateCheck': async (_args, backend) =>
    backend.storage.settings.get().updateCheck
      ? backend.updates.check()
      : { state: 'off' as const, current: backend.version },
  'app.openExternal': async ({ url }, backend) => {
    const checked = checkExternalUrl(url, linkHosts(backend));
    return { opened: checked ? await backend.platform.openExternal(checked.href) : false };
  },
};

/** Where a link may go: the help pages, the configured consoles and the Sekoia targets. */
function linkHosts(backend: Backend): ReadonlySet<string> {
  const hostOf = (url: string) => new URL(url).hostname.toLowerCase();
  return new Set([
    ...HELP_HOSTS,
    ...backend.consoles.list().map((record) => hostOf(record.url)),
    ...backend.targets.list().map((target) => hostOf(target.baseUrl)),
  ]);
}
