import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvHeader } from '../../electron/domains/export/writers/csv-writer';
import { GridRow } from '../../shared/contract/views';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../shared/csp';
import { DEVICE_COLUMNS, DeviceRow } from '../../shared/devices/device-row';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS } from '../../shared/export-formats';

// Each shape is declared once and read everywhere; these cases fail if a second copy appears
// and drifts.

describe('one shape per thing', () => {
  it('the grid row is the device row, with only the duplicate group sizes added', () => {
    const added = Object.keys(GridRow.shape).filter((key) => !(key in DeviceRow.shape));
    expect(added.sort()).toEqual(['sameHostname', 'sameMac', 'sameSerial']);
    for (const key of Object.keys(DeviceRow.shape) as (keyof typeof DeviceRow.shape)[])
      expect(GridRow.shape[key]).toBe(DeviceRow.shape[key]);
  });

  it('the CSV has every grid column, hidden ones included, in the grid’s order', () => {
    const header = csvHeader()
      .trim()
      .split(',')
      .map((cell) => JSON.parse(cell) as string);
    expect(header).toEqual(DEVICE_COLUMNS.map((column) => column.label));
    expect(header).toContain('External IP');
    const keys = Object.keys(DeviceRow.shape).filter((key) => key !== 'uuid' && key !== 'osType');
    expect(DEVICE_COLUMNS.map((column) => column.key).sort()).toEqual(keys.sort());
  });

  it('every export format has one record: label, extension, framing', () => {
    expect(Object.keys(EXPORT_FORMAT_INFO).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const format of EXPORT_FORMATS) {
      expect(EXPORT_FORMAT_INFO[format].extension.endsWith(format.split('-').at(-1)!)).toBe(true);
    }
  });

  it('index.html’s policy is written from the one the hosts send', () => {
    const html = withContentSecurityPolicy(readFileSync('renderer/index.html', 'utf8'));
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(() => withContentSecurityPolicy('<meta content="default-src *">')).toThrow(
      /no %S1INV_CSP%/,
    );
  });
});
