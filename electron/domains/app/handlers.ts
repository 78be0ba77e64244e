import { checkExternalUrl } from '../../adapters/platform/external-url';
import type { HandlerGroup } from '../../backend/handler-types';

export const appHandlers: HandlerGroup<'app.info' | 'app.openExternal'> = {
  'app.info': async (_args, backend) => {
    const demoConsole = await backend.deps.findDemoConsole?.();
    return {
      version: backend.version,
      dataDir: backend.deps.dataDir,
      transport: backend.deps.platform.transport,
      ...(demoConsole ? { demoConsole } : {}),
    };
  },
  'app.openExternal': async ({ url }, backend) => {
    const checked = checkExternalUrl(url);
    return { opened: checked ? await backend.deps.platform.openExternal(checked.href) : false };
  },
};
