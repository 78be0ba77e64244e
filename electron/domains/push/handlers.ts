import type { HandlerGroup } from '../../backend/handler-types';
import { SekoiaPusher } from './pusher';

export const pushHandlers: HandlerGroup<'push.run'> = {
  'push.run': async ({ target: name, scope, resume }, backend) => {
    const target = backend.targets.get(name);
    const key = await backend.targetKey(target);
    return new SekoiaPusher(backend.db, backend.deps.clock, target, key).push({
      ...(scope.console === undefined ? {} : { consoleName: scope.console }),
      ...(scope.agentIds === undefined ? {} : { agentIds: new Set(scope.agentIds) }),
      ...(resume ? { resume } : {}),
      onProgress: ({ delivered, total }) =>
        backend.events.emit('push.progress', { target: target.name, delivered, total }),
    });
  },
};
