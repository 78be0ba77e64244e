/** The SentinelOne APIs a console syncs, as named in the CLI (`--apis`) and the config file. */
export const S1_APIS = ['agents', 'threats', 'activities'] as const;
export type S1Api = (typeof S1_APIS)[number];

export function isS1Api(value: string): value is S1Api {
  return (S1_APIS as readonly string[]).includes(value);
}
