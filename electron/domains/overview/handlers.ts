import type { HandlerGroup } from '../../backend/handler-types';
import { gridRows } from '../devices/handlers';
import { overviewStats } from './overview-stats';

export const overviewHandlers: HandlerGroup<'overview.stats'> = {
  'overview.stats': ({ staleDays }, backend) =>
    overviewStats(gridRows(backend), staleDays, backend.clock.now()),
};
