import type { NetworkInterfaceInfo } from 'node:os';
import { formatMac, hostInfoOf, hostInfoProvider, type Interfaces } from '../../electron/core/hostInfo';
import { NO_HOST } from '../../electron/settlement/session';

const v4 = (address: string, mac: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac,
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, mac: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac,
  internal: false,
  cidr: `${address}/64`,
  scopeid: 2,
});

/** A kiosk as Linux lists it: loopback, a bridge without a MAC, then the wired adapter (IPv6 first). */
const KIOSK: Interfaces = {
  lo: [v4('127.0.0.1', '00:00:00:00:00:00', true)],
  docker0: [v4('172.17.0.1', '00:00:00:00:00:00')],
  eth0: [v6('fe80::5054:ff:feab:cdef', '52:54:00:ab:cd:ef'), v4('10.20.30.40', '52:54:00:ab:cd:ef')],
  wlan0: [v4('192.168.1.9', '3c:22:fb:01:02:03')],
};

describe('the host 9001 names', () => {
  it('is the first non-internal IPv4 interface with a real MAC, MAC in upper-case colon form', () => {
    expect(hostInfoOf(KIOSK)).toEqual({ mac: '52:54:00:AB:CD:EF', ip: '10.20.30.40' });
    expect(formatMac('3c-22-fb-01-02-03')).toBe('3C:22:FB:01:02:03');
    expect(formatMac('3c:22:fb:01:02:03')).toHaveLength(17); // 9001 allows 20
  });

  it('falls back to the loopback address with no MAC, and says so once', () => {
    const lines: string[] = [];
    const host = hostInfoProvider({ interfaces: () => ({ lo: KIOSK.lo, docker0: KIOSK.docker0, eth0: [KIOSK.eth0![0]!] }), log: (l) => lines.push(l) });
    expect(host()).toEqual(NO_HOST);
    expect(host()).toEqual({ mac: '', ip: '127.0.0.1' });
    expect(lines).toEqual(['host: no non-internal IPv4 interface with a MAC; 9001 signs in with ip 127.0.0.1 and no MAC']);
  });

  it('reads the interfaces at each sign-in, so a new lease is what the next 9001 sends', () => {
    let interfaces: Interfaces = KIOSK;
    const host = hostInfoProvider({ interfaces: () => interfaces, log: () => undefined });
    expect(host().ip).toBe('10.20.30.40');
    interfaces = { eth0: [v4('10.20.30.77', '52:54:00:ab:cd:ef')] };
    expect(host()).toEqual({ mac: '52:54:00:AB:CD:EF', ip: '10.20.30.77' });
  });

  it('survives interfaces that cannot be read', () => {
    const lines: string[] = [];
    const host = hostInfoProvider({
      interfaces: () => {
        throw new Error('uv_interface_addresses returned Unknown system error 1');
      },
      log: (l) => lines.push(l),
    });
    expect(host()).toEqual(NO_HOST);
    expect(host()).toEqual(NO_HOST);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^host: network interfaces not readable/);
  });
});
