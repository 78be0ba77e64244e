import type { HandlerGroup } from '../../backend/handler-types';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import { diffConsole } from './device-diff';

export const diffHandlers: HandlerGroup<'diff.run'> = {
  'diff.run': ({ console: consoleName, from, to }, backend) => {
    if (consoleName === undefined) {
      if (from !== undefined || to !== undefined)
        throw new InvalidArgumentError(
          'Snapshots to compare belong to one console: name it as well (--console NAME).',
        );
      return backend.consoles.list().map((record) => diffConsole(record, backend.storage));
    }
    const record = backend.consoles.get(consoleName);
    return [
      diffConsole(
        record,
        backend.storage,
        from === undefined && to === undefined ? undefined : { from, to },
      ),
    ];
  },
};
