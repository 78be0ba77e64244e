import { AuditStore } from '../../audit/audit-store';
import { runExport } from '../../export/exporter';
import { SekoiaPusher } from '../../sekoia/pusher';
import type { SekoiaTarget } from '../../sekoia/targets';
import type { Backend } from '../backend';
import type { HandlerGroup } from './handler-types';

type HandOnCalls =
  'export.run' | 'sekoia.list' | 'sekoia.add' | 'sekoia.remove' | 'push.run' | 'audit.list';

const EXTENSIONS: Record<string, string> = {
  'ocsf-json': 'ocsf.json',
  'ocsf-ndjson': 'ocsf.ndjson',
  'sekoia-json': 'sekoia.json',
  csv: 'csv',
  'raw-json': 'raw.json',
  'raw-ndjson': 'raw.ndjson',
};

export const handOnHandlers: HandlerGroup<HandOnCalls> = {
  'export.run': async ({ format, scope }, backend) => {
    const stamp = backend.deps.clock.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const destination = await backend.deps.platform.chooseExportFile(
      `s1-inventory-${stamp}.${EXTENSIONS[format]}`,
    );
    if (!destination) return { status: 'cancelled' as const };
    const result = runExport(backend.db, backend.deps.clock, {
      format,
      out: destination.path,
      ...(scope.console === undefined ? {} : { console: scope.console }),
      ...(scope.agentIds === undefined ? {} : { agentIds: new Set(scope.agentIds) }),
      scopeLabel: scope.label ?? (scope.agentIds ? 'selected devices' : 'all devices'),
      destinationLabel: destination.description,
      onProgress: (records) => backend.events.emit('export.progress', { records }),
    });
    return {
      status: 'written' as const,
      path: result.path,
      records: result.records,
      skipped: result.skipped.length,
      sha256: result.sha256,
      bytes: result.bytes,
      ...(destination.downloadUrl === undefined ? {} : { downloadUrl: destination.downloadUrl }),
    };
  },
  'sekoia.list': (_args, backend) => backend.targets.list().map((t) => targetView(backend, t)),
  'sekoia.add': async (args, backend) => targetView(backend, await backend.targets.add(args)),
  'sekoia.remove': async ({ name }, backend) => ({
    removed: (await backend.targets.remove(name)).name,
  }),
  'push.run': async ({ target: name, scope, resume }, backend) => {
    const target = backend.targets.get(name);
    const key = await backend.targets.apiKey(target, undefined, {});
    return new SekoiaPusher(backend.db, backend.deps.clock, target, key).push({
      ...(scope.console === undefined ? {} : { consoleName: scope.console }),
      ...(scope.agentIds === undefined ? {} : { agentIds: new Set(scope.agentIds) }),
      ...(resume ? { resume } : {}),
      onProgress: ({ delivered, total }) =>
        backend.events.emit('push.progress', { target: target.name, delivered, total }),
    });
  },
  'audit.list': (_args, backend) => new AuditStore(backend.db).list(),
};

function targetView(backend: Backend, target: SekoiaTarget) {
  const unfinished = backend.db
    .prepare(`SELECT 1 FROM pushes WHERE target_id = ? AND state <> 'complete' LIMIT 1`)
    .get(target.id);
  return {
    id: target.id,
    name: target.name,
    connectorUuid: target.connectorUuid,
    baseUrl: target.baseUrl,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    batchSize: target.batchSize,
    legacyDeviceTypes: target.legacyDeviceTypes,
    keyStored: target.keyStored,
    resumable: unfinished !== undefined,
  };
}
