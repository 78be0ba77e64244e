import { writeFileAtomic } from '../../adapters/files/atomic-write';
import { checkExportTarget } from '../../adapters/files/export-target';
import type { HandlerGroup } from '../../backend/handler-types';

export const configHandlers: HandlerGroup<'config.export' | 'config.import'> = {
  'config.export': async ({ toFile, withNotes }, backend) => {
    const config = backend.configFile({ withNotes: withNotes === true });
    const json = `${JSON.stringify(config, null, 2)}\n`;
    const summary = { json, consoles: config.consoles.length, notes: config.notes?.length ?? 0 };
    if (!toFile) return summary;
    const destination = await backend.platform.chooseExportFile('s1-inventory-config.json');
    if (!destination) return summary;
    checkExportTarget(destination.path);
    writeFileAtomic(destination.path, json);
    return { ...summary, path: destination.path };
  },
  'config.import': ({ json, source }, backend) =>
    backend.importConfig(json, source ?? 'the imported configuration'),
};
