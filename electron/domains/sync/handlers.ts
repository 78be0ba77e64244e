import type { HandlerGroup } from '../../backend/handler-types';

export const syncHandlers: HandlerGroup<'sync.start' | 'sync.cancel'> = {
  'sync.start': async ({ name }, backend) => {
    await backend.startSync(name);
    return { started: true };
  },
  'sync.cancel': ({ name }, backend) => ({ cancelled: backend.cancelSync(name) }),
};
