/** SentinelOne's error envelope: code = HTTP status × 10000 + 10 (reference §3). */
export function s1Error(
  status: number,
  title: string,
  detail: string | null = null,
  code?: number,
) {
  return { status, body: { errors: [{ code: code ?? status * 10000 + 10, title, detail }] } };
}

export const AUTHENTICATION_FAILED = s1Error(401, 'Authentication Failed');
export const SITE_USERS_NOT_ALLOWED = s1Error(
  403,
  'Action is not allowed to site users',
  null,
  4030010,
);
export const FORBIDDEN = s1Error(403, 'Insufficient permissions');
export const NOT_FOUND = s1Error(404, 'Not Found');
