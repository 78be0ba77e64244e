import { dispatch } from '../../electron/backend/dispatch';
import type { Backend } from '../../electron/backend/backend';
import type { Envelope } from '../../shared/contract/contract';
import type { GridPage } from '../../shared/contract/views';

/** The grid's query with nothing narrowed (decommissioned devices hidden, as the grid opens). */
export const EVERY_DEVICE = {
  search: '',
  quick: [],
  staleDays: 30,
  include: {},
  exclude: {},
  decommissioned: false,
};

/** One `devices.query` call; a refusal throws its message. */
export async function gridQuery(backend: Backend, args: object): Promise<GridPage> {
  const result = (await dispatch(backend, 'devices.query', args)) as Envelope<GridPage>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
