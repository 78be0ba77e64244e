/**
 * The one Content Security Policy, sent by Electron's app protocol, by `s1inv serve` and in
 * index.html. Styles allow inline because MUI (Emotion) injects style elements; scripts never.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
