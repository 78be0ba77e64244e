import { checkExternalUrl } from '../../adapters/platform/external-url';
import type { HandlerGroup } from '../../backend/handler-types';

export const appHandlers: HandlerGroup<'app.info' | 'app.openExternal'> = {
  'app.info': async (_args, backend) => {
    const demoConsole = await backend.findDemoConsole();
    return {
      version: backend.version,
      dataDir: backend.dataDir,
      transport: backend.platform.transport,
      ...(demoConsole ? { demoConsole } : {}),
    };
  },
  'app.openExternal': async ({ url }, backend) => {
    const checked = checkExternalUrl(url);
    return { opened: checked ? await backend.platform.openExternal(checked.href) : false };
  },
};
