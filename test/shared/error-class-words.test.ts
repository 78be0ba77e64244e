import { describe, expect, it } from 'vitest';
import { errorClassWords } from '../../shared/errors/error-class-words';

describe('error classes in the GUI', () => {
  it.each([
    ['ThirdPartyConfig', 'Configuration problem — not retried'],
    ['ThirdPartyGeneric', 'Console or network problem — retried'],
    ['FirstPartyGeneric', 'Local problem (database, disk or keychain)'],
    ['Malformed', 'Unusable record — kept raw'],
  ])('%s reads as "%s"', (errorClass, words) => {
    expect(errorClassWords(errorClass)).toBe(words);
    expect(errorClassWords(errorClass)).not.toMatch(/Party/);
  });
});
