// What a finding can be searched by, as OCSF observables: each names the attribute it repeats
// by its path (no array indices), as the OCSF server's validator checks.

type Json = Record<string, unknown>;

const observable = (name: string, typeId: number, type: string, value: unknown) =>
  typeof value === 'string' && value !== '' ? [{ name, type_id: typeId, type, value }] : [];

export function observablesOf(
  device: Json | undefined,
  evidences: Json[] | undefined,
): Json[] | undefined {
  const evidence = evidences?.[0];
  const file = evidence?.file as Json | undefined;
  const process = evidence?.process as Json | undefined;
  const user = (process?.user ?? evidence?.user) as Json | undefined;
  const nics = (device?.network_interfaces ?? []) as Json[];
  const hashes = (file?.hashes ?? []) as Json[];
  const found = [
    ...observable('device.hostname', 1, 'Hostname', device?.hostname),
    ...observable('device.ip', 2, 'IP Address', device?.ip),
    ...nics
      .filter((nic) => nic.ip !== device?.ip)
      .flatMap((nic) => observable('device.network_interfaces.ip', 2, 'IP Address', nic.ip)),
    ...observable('evidences.file.name', 7, 'File Name', file?.name),
    ...hashes.flatMap((hash) => observable('evidences.file.hashes.value', 8, 'Hash', hash.value)),
    ...observable(
      process?.user ? 'evidences.process.user.name' : 'evidences.user.name',
      4,
      'User Name',
      user?.name,
    ),
  ];
  return found.length > 0 ? found : undefined;
}
