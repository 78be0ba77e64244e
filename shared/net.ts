import ipaddr from 'ipaddr.js';

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** OCSF ip_t: IPv4 dotted quad or IPv6 text, at most 40 characters, no zone index. */
export function isIpAddress(text: string): boolean {
  // Most addresses are IPv4: a regex answers those ten times faster than a full parse.
  if (IPV4.test(text)) return true;
  if (text.length > 40 || !text.includes(':') || text.includes('%')) return false;
  return ipaddr.IPv6.isValid(text);
}

const MAC = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}$/;

/** OCSF mac_t: six hex pairs joined by `:` or `-`. EUI-64 (eight pairs) does not qualify. */
export function isMacAddress(text: string): boolean {
  return MAC.test(text);
}

const GROUP_IP = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.[xX]$`);

/**
 * SentinelOne's `groupIp` looks like `31.155.5.x`, which is not a subnet in OCSF's sense.
 * Exactly `A.B.C.x` becomes `A.B.C.0/24`; an already valid CIDR is normalised to its network
 * address; anything else gives undefined (the caller keeps the raw value in `unmapped`).
 */
export function toCidr(text: string): string | undefined {
  const wildcard = GROUP_IP.exec(text);
  if (wildcard) return `${wildcard[1]}.${wildcard[2]}.${wildcard[3]}.0/24`;
  return normaliseCidr(text);
}

/** True for `network/prefix` text whose address is valid and already the network address. */
export function isCidr(text: string): boolean {
  return text.length <= 42 && normaliseCidr(text) === text;
}

function normaliseCidr(text: string): string | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || !isIpAddress(address)) return undefined;
  const family = ipaddr.IPv4.isValidFourPartDecimal(address) ? ipaddr.IPv4 : ipaddr.IPv6;
  try {
    const [, prefix] = family.parseCIDR(text);
    return `${family.networkAddressFromCIDR(text).toString()}/${prefix}`;
  } catch {
    return undefined;
  }
}
