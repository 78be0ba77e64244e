import type { HandlerGroup } from '../../backend/handler-types';

export const auditHandlers: HandlerGroup<'audit.list'> = {
  'audit.list': (_args, backend) => backend.storage.audit.list(),
};
