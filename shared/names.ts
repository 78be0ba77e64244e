// What a name an analyst gives (a console, a push target, a saved view) may hold: it names the
// thing in lists, logs, the audit log and command lines, so it must read the same to every eye.
// One rule for every name (issue 27, R27).

export const MAX_NAME_LENGTH = 64;

/**
 * Control characters (newlines, ESC), and invisible ones that make two names look alike or
 * reorder text: soft hyphen, bidi marks and overrides, zero-width characters, the Hangul and
 * Khmer fillers that render as blanks, the combining grapheme joiner, variation selectors, and
 * the tag characters that smuggle text no one sees.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- each alone is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

/** Why a name is refused, in words for its owner; undefined when it is fine. */
export function nameProblem(
  name: string,
  what: string,
  maxLength = MAX_NAME_LENGTH,
): string | undefined {
  if (name === '') return `The ${what} name is empty. Give it a short name, e.g. "prod-eu".`;
  if ([...name].length > maxLength) {
    return `The ${what} name is longer than ${maxLength} characters. Choose a shorter one.`;
  }
  const hidden = INVISIBLE.exec(name);
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `The ${what} name contains a control, zero-width or text-direction character (U+${code}), or another invisible one: such characters make names look alike or hide text. Use letters, digits, spaces or punctuation.`;
  }
  return undefined;
}
