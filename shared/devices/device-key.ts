/** A device across consoles: the console's name and the agent's id. */
export interface DeviceKey {
  console: string;
  agentId: string;
}

/** One string per device, for sets and maps. */
export const deviceKey = (device: DeviceKey) => `${device.console}\u0000${device.agentId}`;
