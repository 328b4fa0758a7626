import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRefusedAddress } from '../src/domain/webhooks/private-addresses.ts';

// A webhook reaches public unicast addresses only, however an address is written.

test('private, local and special addresses are refused, in IPv4, IPv6 and IPv4 carried in IPv6', () => {
  const refused = [
    '10.0.0.5',
    '172.16.4.1',
    '192.168.1.20',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '198.18.0.1',
    '192.0.0.8',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    'fd00::1',
    'fe80::1',
    '::',
    'ff02::1',
    '::ffff:10.0.0.5',
    '::ffff:a00:5',
    '64:ff9b::10.0.0.5',
    '64:ff9b::a9fe:a9fe',
    '2002:a00:5::1',
    '2002:c0a8:0114::',
    '[fd00::1]',
    'not an address',
  ];
  assert.deepEqual(
    refused.filter((address) => !isRefusedAddress(address, false)),
    [],
  );
});

test('public addresses are let through, also as NAT64 or 6to4; loopback only when allowed', () => {
  const allowed = ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '64:ff9b::5db8:d822', '2002:5db8:d822::1'];
  assert.deepEqual(
    allowed.filter((address) => isRefusedAddress(address, false)),
    [],
  );
  for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
    assert.equal(isRefusedAddress(address, false), true, `${address} refused by default`);
    assert.equal(isRefusedAddress(address, true), false, `${address} allowed with allowLoopback`);
  }
});
