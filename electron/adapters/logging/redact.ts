// The one choke point for text that leaves the process or lands on disk (health events, logs,
// error lines): known secrets are replaced, and so is anything shaped like a credential.

const AUTH_HEADER = /\b(ApiToken|Bearer)\s+[^\s"',]+/gi;
// Not after a dot: `$.consoles[2].apiToken: …` names a field of a file, it does not assign one.
// Quotes may be escaped: JSON quoted inside JSON (a log line's fields) is still a field.
const TOKEN_FIELD =
  /(?<![.\w])(\\?"?(?:apiToken|api_key|apiKey|token)\\?"?\s*[:=]\s*\\?"?)[^\s"'\\,}]+/gi;
/**
 * user:password@ (or a bare user@) in any URL a message quotes. A password may hold spaces and
 * `@` (issue 27, R17): after `user:`, everything up to the last `@` before the host goes.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/@"'<>:]*:[^/"'<>\n]*@|[^\s/@"'<>]+@)/gi;
const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(AUTH_HEADER, '$1 [redacted]')
    .replace(TOKEN_FIELD, '$1[redacted]')
    .replace(URL_USERINFO, '$1[redacted]@');
}
