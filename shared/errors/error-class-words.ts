/**
 * A health event's class in the GUI's words: Sumo Logic's class names (ThirdPartyConfig …) mean
 * nothing to an analyst; what the problem is and whether it is retried does.
 */
const WORDS: Readonly<Record<string, string>> = {
  ThirdPartyConfig: 'Configuration problem — not retried',
  ThirdPartyGeneric: 'Console or network problem — retried',
  FirstPartyGeneric: 'Local problem (database, disk or keychain)',
  Malformed: 'Unusable record — kept raw',
};

export function errorClassWords(errorClass: string): string {
  return WORDS[errorClass] ?? errorClass;
}
