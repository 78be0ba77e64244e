/** One numbered step of the schema. Applied once, in order, never edited after it ships. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
