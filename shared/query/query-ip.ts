import ipaddr from 'ipaddr.js';

/**
 * A CIDR block's test of an address (`10.0.0.0/8` keeps 10.1.2.3), or undefined when the text is
 * not a block. An address of the other family, or not an address, is outside it.
 */
export function cidrMatcher(block: string): ((ip: string) => boolean) | undefined {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(block);
  } catch {
    return undefined;
  }
  return (ip) => {
    if (!ipaddr.isValid(ip)) return false;
    const address = ipaddr.parse(ip);
    return address.kind() === range[0].kind() && address.match(range);
  };
}
