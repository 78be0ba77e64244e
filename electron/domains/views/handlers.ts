import type { HandlerGroup } from '../../backend/handler-types';

export const viewHandlers: HandlerGroup<
  'views.list' | 'views.save' | 'views.rename' | 'views.delete' | 'views.setDefault'
> = {
  'views.list': (_args, backend) => backend.stores.views.list(),
  'views.save': ({ name, state, makeDefault }, backend) =>
    backend.stores.views.save(name.trim(), state, makeDefault),
  'views.rename': ({ name, to }, backend) => backend.stores.views.rename(name, to.trim()),
  'views.delete': ({ name }, backend) => ({ deleted: backend.stores.views.delete(name) }),
  'views.setDefault': ({ name }, backend) => {
    const view = backend.stores.views.setDefault(name);
    return view === undefined ? {} : { defaultView: view };
  },
};
