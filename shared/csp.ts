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

/**
 * The same policy for index.html's meta tag. A meta tag cannot carry frame-ancestors (browsers
 * ignore it there, with a warning); the hosts send it as a header.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** The placeholder index.html holds where the build writes the policy. */
export const CSP_PLACEHOLDER = '%S1INV_CSP%';

/** index.html with its meta tag's policy filled in from the one above. */
export function withContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) {
    throw new Error(`index.html has no ${CSP_PLACEHOLDER} for its Content-Security-Policy.`);
  }
  return html.replace(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}
