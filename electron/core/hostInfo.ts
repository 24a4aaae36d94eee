import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { NO_HOST, type HostInfo } from '../settlement/session';

/** What `os.networkInterfaces()` answers; injected so tests give fixed interfaces. */
export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const ZERO_MAC = /^(00[:-]){5}00$/;

/**
 * As the peers' 9001 sends it: the adapter's MAC as Windows reports it (WMI `MacAddress`,
 * read by OH `ClassHelper.GetLocalMac`), upper-case hex pairs joined by colons, 17 characters
 * (9001 allows 20).
 */
export function formatMac(mac: string): string {
  return mac.replace(/-/g, ':').toUpperCase();
}

/** The first non-internal IPv4 interface with a real (non-zero) MAC, in the order the OS lists them. */
export function hostInfoOf(interfaces: Interfaces): HostInfo | undefined {
  for (const addresses of Object.values(interfaces)) {
    for (const a of addresses ?? []) {
      // Node before 18.4 said 4 rather than 'IPv4'.
      const ipv4 = a.family === 'IPv4' || (a.family as unknown) === 4;
      if (ipv4 && !a.internal && a.mac && !ZERO_MAC.test(a.mac)) return { mac: formatMac(a.mac), ip: a.address };
    }
  }
  return undefined;
}

/**
 * The host as 9001 names it, read at each sign-in (a lease can change the address). With no
 * such interface (no network, or only virtual ones) 9001 still needs an ip: NO_HOST's loopback
 * and no MAC, said once in the log so the sign-in's odd address has an explanation.
 */
export function hostInfoProvider(options: { log: (line: string) => void; interfaces?: () => Interfaces }): () => HostInfo {
  const read = options.interfaces ?? networkInterfaces;
  let told = false;
  return () => {
    let found: HostInfo | undefined;
    try {
      found = hostInfoOf(read());
    } catch (error) {
      if (!told) options.log(`host: network interfaces not readable (${error instanceof Error ? error.message : String(error)})`);
    }
    if (found) return found;
    if (!told) {
      told = true;
      options.log(`host: no non-internal IPv4 interface with a MAC; 9001 signs in with ip ${NO_HOST.ip} and no MAC`);
    }
    return NO_HOST;
  };
}
