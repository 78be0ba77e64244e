// What a name an analyst gives (a console, a Sekoia target) may hold: it names the thing in
// lists, logs, the audit log and command lines, so it must read the same to every eye.

export const MAX_NAME_LENGTH = 64;

/** Control characters, and invisible ones that make two names look alike or reorder text. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** Why a name is refused, in words for its owner; undefined when it is fine. */
export function nameProblem(name: string, what: string): string | undefined {
  if (name === '') return `The ${what} name is empty. Give it a short name, e.g. "prod-eu".`;
  if ([...name].length > MAX_NAME_LENGTH) {
    return `The ${what} name is longer than ${MAX_NAME_LENGTH} characters. Choose a shorter one.`;
  }
  if (INVISIBLE.test(name)) {
    return `The ${what} name contains control, zero-width or text-direction characters, which make names look alike. Use letters, digits, spaces or punctuation.`;
  }
  return undefined;
}
