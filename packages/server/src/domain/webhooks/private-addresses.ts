import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The IPv4 address an IPv6 one carries: IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) or 6to4. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const hextets = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const { parts } = address;
  switch (address.range()) {
    case 'ipv4Mapped':
      return address.toIPv4Address();
    case 'rfc6052':
      return hextets(parts[6]!, parts[7]!);
    case '6to4':
      return hextets(parts[1]!, parts[2]!);
    default:
      return undefined;
  }
}

/**
 * True when a webhook may not be sent to `address` (an IP address), that is anything but a public unicast address:
 * this machine, private networks, link-local ones (the cloud's metadata service among them), carrier-grade NAT,
 * reserved, benchmarking, multicast and unspecified ones, in IPv4 and IPv6, and an IPv4 one carried in IPv6 (mapped,
 * NAT64, 6to4) wherever that one points. An endpoint there would let a program's key send signed requests into the
 * network the API runs in, and learn from the answers. Loopback is let through with `allowLoopback`.
 */
export function isRefusedAddress(address: string, allowLoopback: boolean): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
  const target = (parsed.kind() === 'ipv6' && embeddedIPv4(parsed as ipaddr.IPv6)) || parsed;
  const range = target.range();
  if (allowLoopback && range === 'loopback') return false;
  return range !== 'unicast';
}

/** The error of a connection refused for its address. */
export class PrivateAddressError extends Error {
  readonly code = 'E_PRIVATE_ADDRESS';
}

/**
 * A `lookup` for `http.request` that resolves the host as usual and refuses it when any of its addresses is one a
 * webhook may not reach: the address checked is the address connected to, whatever the DNS says a moment later.
 */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find(({ address }) => isRefusedAddress(address, allowLoopback));
      if (refused) {
        return callback(new PrivateAddressError(`${hostname} resolves to ${refused.address}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
