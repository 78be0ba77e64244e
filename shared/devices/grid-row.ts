import { z } from 'zod';
import { DeviceRow } from './device-row';

/**
 * A device as the grid shows it, never the raw objects: its row, and how many devices share its
 * hostname, serial number or MAC across every console, itself included (absent when it is
 * alone; see `devices/duplicates.ts`). The sizes depend on the whole inventory, so the grid's
 * backend works them out when it loads the rows.
 */
export const GridRow = DeviceRow.extend({
  sameHostname: z.number().int().optional(),
  sameSerial: z.number().int().optional(),
  sameMac: z.number().int().optional(),
});
export type GridRow = z.infer<typeof GridRow>;
