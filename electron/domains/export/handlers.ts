import type { HandlerGroup } from '../../backend/handler-types';
import { agentIdsOption } from '../devices/device-scope';
import { EXPORT_FORMAT_INFO } from '../../../shared/export-formats';

export const exportHandlers: HandlerGroup<'export.run'> = {
  'export.run': async (
    { format, scope, entity, includeDecommissioned, lake, columns },
    backend,
  ) => {
    const stamp = backend.clock.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const destination = await backend.platform.chooseExportFile(
      `s1-inventory${entity && entity !== 'agents' ? `-${entity}` : ''}-${stamp}.${EXPORT_FORMAT_INFO[format].extension}`,
    );
    if (!destination) return { status: 'cancelled' as const };
    const result = await backend.exportFile({
      format,
      out: destination.path,
      ...(entity === undefined ? {} : { entity }),
      ...(includeDecommissioned ? { includeDecommissioned } : {}),
      ...(lake === undefined ? {} : { lake }),
      ...(columns === undefined ? {} : { columns }),
      ...(scope.console === undefined ? {} : { console: scope.console }),
      ...agentIdsOption(backend, scope),
      scopeLabel:
        scope.label ??
        (scope.where
          ? `query: ${scope.where}`
          : scope.agentIds
            ? 'selected devices'
            : 'all devices'),
      destinationLabel: destination.description,
      onProgress: (records) => backend.events.emit('export.progress', { records }),
    });
    return {
      status: 'written' as const,
      format,
      path: result.path,
      records: result.records,
      skipped: result.skipped.length,
      ...(result.skipped[0] ? { skippedReason: result.skipped[0].reason } : {}),
      sha256: result.sha256,
      bytes: result.bytes,
      ...(destination.downloadUrl === undefined ? {} : { downloadUrl: destination.downloadUrl }),
    };
  },
};
