import type { HandlerGroup } from '../../backend/handler-types';
import { agentIdsOption } from '../devices/device-scope';

export const pushHandlers: HandlerGroup<'push.run'> = {
  'push.run': async ({ target: name, scope, resume, includeDecommissioned }, backend) => {
    const target = backend.targets.get(name);
    const key = await backend.targets.keyFor(target);
    return backend.pusher(target, key).push({
      ...(scope.console === undefined ? {} : { consoleName: scope.console }),
      ...agentIdsOption(backend, scope),
      ...(resume ? { resume } : {}),
      ...(includeDecommissioned ? { includeDecommissioned } : {}),
      onProgress: ({ delivered, total }) =>
        backend.events.emit('push.progress', { target: target.name, delivered, total }),
    });
  },
};
