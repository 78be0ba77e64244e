// The characters of JSON's structure, as char codes: the readers that scan JSON text or bytes
// without parsing it (the page splitter, the depth check) share them.

export const QUOTE = 34;
export const BACKSLASH = 92;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const COMMA = 44;
export const COLON = 58;
export const SPACE = 32;
export const NEWLINE = 10;
export const RETURN = 13;
export const TAB = 9;
