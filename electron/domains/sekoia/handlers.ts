import type { Backend } from '../../backend/backend';
import type { HandlerGroup } from '../../backend/handler-types';
import { SekoiaTargets, type SekoiaTarget } from './sekoia-targets';

export const sekoiaHandlers: HandlerGroup<
  'sekoia.list' | 'sekoia.add' | 'sekoia.edit' | 'sekoia.remove'
> = {
  'sekoia.list': (_args, backend) => backend.targets.list().map((t) => targetView(backend, t)),
  'sekoia.add': async (args, backend) => targetView(backend, await backend.targets.add(args)),
  'sekoia.edit': async ({ name, changes }, backend) => {
    const { target, keyDropped } = await backend.targets.edit(name, changes);
    return { ...targetView(backend, target), keyDropped };
  },
  'sekoia.remove': async ({ name }, backend) => ({
    removed: (await backend.targets.remove(name)).name,
  }),
};

function targetView(backend: Backend, target: SekoiaTarget) {
  const unfinished = backend.storage.outbox.unfinishedPush(target.id);
  return {
    id: target.id,
    name: target.name,
    connectorUuid: target.connectorUuid,
    baseUrl: target.baseUrl,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    batchSize: target.batchSize,
    legacyDeviceTypes: target.legacyDeviceTypes,
    keyStored: target.keyStored,
    endpointUrl: SekoiaTargets.endpointOf(target),
    resumable: unfinished !== undefined,
  };
}
