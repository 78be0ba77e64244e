/**
 * One object exactly as the console sent it: text when its bytes are valid UTF-8 (nearly always),
 * the bytes themselves when not, so raw exports give back what the console sent, byte for byte.
 * Stored as text to parse, with the exact bytes beside it when they differ (see storedForm).
 */
export type RawJson = string | Buffer;

/** The text to parse: invalid sequences read as U+FFFD, as any JSON reader would see them. */
export function rawText(raw: RawJson): string {
  return typeof raw === 'string' ? raw : raw.toString('utf8');
}

/**
 * How a raw object is stored: `json` always holds text to parse; `bytes` holds the exact bytes
 * only when they differ from that text's UTF-8 (invalid UTF-8), and raw reads prefer them.
 */
export function storedForm(raw: RawJson): [json: string, bytes: Buffer | null] {
  return typeof raw === 'string' ? [raw, null] : [rawText(raw), raw];
}

/** The column expression that reads a stored raw object back exactly (table alias `r`). */
export const RAW_COLUMN = 'COALESCE(r.bytes, r.json)';
