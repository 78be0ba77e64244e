import type { HandlerGroup } from '../../backend/handler-types';
import { AuditStore } from './audit-store';

export const auditHandlers: HandlerGroup<'audit.list'> = {
  'audit.list': (_args, backend) => new AuditStore(backend.db).list(),
};
