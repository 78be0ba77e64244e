import type { HandlerGroup } from '../../backend/handler-types';
import { checkedViewName } from './view-name';

export const viewHandlers: HandlerGroup<
  'views.list' | 'views.save' | 'views.rename' | 'views.delete' | 'views.setDefault'
> = {
  'views.list': (_args, backend) => backend.storage.views.list(),
  'views.save': ({ name, state, makeDefault }, backend) =>
    backend.storage.views.save(checkedViewName(name), state, makeDefault),
  'views.rename': ({ name, to }, backend) =>
    backend.storage.views.rename(name, checkedViewName(to)),
  'views.delete': ({ name }, backend) => ({ deleted: backend.storage.views.delete(name) }),
  'views.setDefault': ({ name }, backend) => {
    const view = backend.storage.views.setDefault(name);
    return view === undefined ? {} : { defaultView: view };
  },
};
