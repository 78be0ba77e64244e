import type { HandlerGroup } from '../../backend/handler-types';

export const syncHandlers: HandlerGroup<'sync.start' | 'sync.run' | 'sync.cancel'> = {
  'sync.run': async (request, backend) => {
    const results = await backend.syncs.run(request);
    return {
      consoles: Object.fromEntries(
        results.map((result) => [result.console, { state: result.state, apis: result.apis }]),
      ),
    };
  },
  'sync.start': async ({ name }, backend) => {
    await backend.syncs.start(name);
    return { started: true };
  },
  'sync.cancel': ({ name }, backend) => ({ cancelled: backend.syncs.cancel(name) }),
};
