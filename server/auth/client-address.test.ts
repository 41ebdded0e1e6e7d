import { describe, expect, test } from 'vitest';
import { addressKey } from './client-address';

describe('the address attempts are counted by', () => {
  test.each([
    ['IPv4 as it is', '192.0.2.1', '192.0.2.1'],
    ['IPv4 seen through a dual-stack socket, as IPv4', '::ffff:192.0.2.1', '192.0.2.1'],
    ['IPv6 by its /64', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['compressed IPv6, the same /64', '2001:DB8:1:2::ff', '2001:db8:1:2::/64'],
    ['zeros written out or left out alike', '2001:0db8:0000:0002::1', '2001:db8:0:2::/64'],
    ['loopback', '::1', '0:0:0:0::/64'],
    ['a link-local address without its zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['IPv6 ending in dotted IPv4', '64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['something that is not an address, as it is', 'unknown', 'unknown'],
  ])('%s', (_what, address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
