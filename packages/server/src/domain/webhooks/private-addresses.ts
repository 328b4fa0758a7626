import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook may not reach: this machine, private networks, link-local ones (the cloud's metadata service
 * among them), carrier-grade NAT and unspecified ones, in IPv4 and IPv6, and IPv4 written as IPv6. An endpoint there
 * would let a program's key send signed requests into the network the API runs in, and learn from the answers.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** `::ffff:10.0.0.1` → `10.0.0.1`; any other address as it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** True when a webhook may not be sent to `address` (an IP address); loopback is let through with `allowLoopback`. */
export function isRefusedAddress(address: string, allowLoopback: boolean): boolean {
  const plain = unmapped(address.replace(/^\[|\]$/g, ''));
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && LOOPBACK.check(plain, family)) return false;
  return PRIVATE.check(plain, family);
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
