import type { HandlerGroup } from '../../backend/handler-types';

export const vulnerabilityHandlers: HandlerGroup<'vulnerabilities.list'> = {
  'vulnerabilities.list': (_args, backend) => ({
    cves: backend.cveCatalogue.list(),
    consolesRead: backend.storage.vulnerabilities.consolesRead(),
  }),
};
