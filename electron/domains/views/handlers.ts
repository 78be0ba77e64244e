import type { HandlerGroup } from '../../backend/handler-types';

export const viewHandlers: HandlerGroup<
  'views.list' | 'views.save' | 'views.rename' | 'views.delete' | 'views.setDefault'
> = {
  'views.list': (_args, backend) => backend.storage.views.list(),
  'views.save': ({ name, state, makeDefault }, backend) =>
    backend.storage.views.save(name.trim(), state, makeDefault),
  'views.rename': ({ name, to }, backend) => backend.storage.views.rename(name, to.trim()),
  'views.delete': ({ name }, backend) => ({ deleted: backend.storage.views.delete(name) }),
  'views.setDefault': ({ name }, backend) => {
    const view = backend.storage.views.setDefault(name);
    return view === undefined ? {} : { defaultView: view };
  },
};
