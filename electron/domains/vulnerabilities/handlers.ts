import type { HandlerGroup } from '../../backend/handler-types';

export const vulnerabilityHandlers: HandlerGroup<'vulnerabilities.list'> = {
  'vulnerabilities.list': async (_args, backend) => {
    // The catalogue counts devices from the grid's rows: read elsewhere when the host does.
    await backend.deviceGrid.ready();
    return {
      cves: backend.cveCatalogue.list(),
      consolesRead: backend.storage.vulnerabilities.consolesRead(),
    };
  },
};
