import type { HandlerGroup } from '../../backend/handler-types';
import { gridRows } from '../devices/handlers';
import { overviewStats } from './overview-stats';

export const overviewHandlers: HandlerGroup<'overview.stats'> = {
  'overview.stats': async ({ staleDays }, backend) => {
    await backend.deviceGrid.ready();
    return overviewStats(gridRows(backend), staleDays, backend.clock.now());
  },
};
