import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes';

// How deeply a JSON text nests, read without parsing it: a console's record nested thousands of
// levels deep parses, but every recursive step after (serialising an answer, cloning it across
// IPC, rendering it) overflows the stack. Records are measured before they are shown.

/** The deepest nesting of objects and arrays in a JSON text (0 for a scalar). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
  }
  return deepest;
}

/** Deeper than any record SentinelOne sends (threats nest 6 levels), far below any stack's end. */
export const MAX_SHOWN_DEPTH = 64;
