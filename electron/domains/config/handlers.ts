import { writeFileAtomic } from '../../adapters/files/atomic-write';
import type { HandlerGroup } from '../../backend/handler-types';
import { exportConfig, importConfig } from './config-service';

export const configHandlers: HandlerGroup<'config.export' | 'config.import'> = {
  'config.export': async ({ toFile }, backend) => {
    const config = exportConfig(backend.db);
    const json = `${JSON.stringify(config, null, 2)}\n`;
    const summary = { json, consoles: config.consoles.length };
    if (!toFile) return summary;
    const destination = await backend.deps.platform.chooseExportFile('s1-inventory-config.json');
    if (!destination) return summary;
    writeFileAtomic(destination.path, json);
    return { ...summary, path: destination.path };
  },
  'config.import': ({ json, source }, backend) =>
    importConfig(backend.db, backend.deps.clock, json, source ?? 'the imported configuration'),
};
