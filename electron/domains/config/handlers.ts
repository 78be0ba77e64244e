import type { HandlerGroup } from '../../backend/handler-types';
import { exportConfig, importConfig } from './config-service';

export const configHandlers: HandlerGroup<'config.export' | 'config.import'> = {
  'config.export': (_args, backend) => ({
    json: `${JSON.stringify(exportConfig(backend.db), null, 2)}\n`,
  }),
  'config.import': ({ json }, backend) =>
    importConfig(backend.db, backend.deps.clock, json, 'the imported configuration'),
};
