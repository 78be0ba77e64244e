import type { HandlerGroup } from '../../backend/handler-types';
import { diffConsole } from './device-diff';

export const diffHandlers: HandlerGroup<'diff.run'> = {
  'diff.run': ({ console: consoleName }, backend) => {
    const records =
      consoleName === undefined ? backend.consoles.list() : [backend.consoles.get(consoleName)];
    return records.map((record) => diffConsole(record, backend.stores.snapshots));
  },
};
