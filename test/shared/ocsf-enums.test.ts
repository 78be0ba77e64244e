import { describe, expect, it } from 'vitest';
import schemaFile from '../../shared/ocsf/schema/device_inventory_info-1.6.0.json';
import {
  AGENT_TYPE_EDR,
  DEVICE_TYPE_CAPTIONS,
  DeviceInventoryInfo,
  OS_TYPE_CAPTIONS,
} from '../../shared/ocsf/enums';

const schema = schemaFile as unknown as {
  class: { expected_for_collect: Record<string, unknown> };
  enums: Record<string, Record<string, string>>;
};

describe('the captions the mapper emits are the schema captions', () => {
  it('class constants equal the schema expectation for Collect', () => {
    const { severity_id: _id, severity: _s, ...rest } = DeviceInventoryInfo;
    expect(rest).toEqual(schema.class.expected_for_collect);
  });

  it.each([
    ['device.type_id', DEVICE_TYPE_CAPTIONS],
    ['os.type_id', OS_TYPE_CAPTIONS],
  ])('%s', (key, captions) => {
    expect(Object.fromEntries(Object.entries(captions))).toEqual(schema.enums[key]);
  });

  it('agent.type_id 1 is Endpoint Detection and Response', () => {
    expect(schema.enums['agent.type_id']?.[String(AGENT_TYPE_EDR.type_id)]).toBe(
      AGENT_TYPE_EDR.type,
    );
  });

  it('severity 1 is Informational', () => {
    expect(schema.enums['inventory_info.severity_id']?.['1']).toBe(DeviceInventoryInfo.severity);
  });
});
