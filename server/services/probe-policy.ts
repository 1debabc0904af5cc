import "server-only";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** What the health probe may reach beyond the public internet: hostnames, and CIDRs. */
export type ProbePolicy = { hosts: Set<string>; cidrs: [Address, number][] };

/** Cloud metadata endpoints: refused even when an allowlist covers them. */
const ALWAYS_REFUSED = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200"].map((a) => ipaddr.parse(a).toString());

/** "10.0.0.0/8, grafana.internal, 192.168.1.20" -> a policy. Unparseable entries are reported, not ignored. */
export function parseAllowList(entries: readonly string[]): { policy: ProbePolicy; invalid: string[] } {
  const policy: ProbePolicy = { hosts: new Set(), cidrs: [] };
  const invalid: string[] = [];
  for (const raw of entries.flatMap((entry) => entry.split(/[\s,]+/))) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    try {
      if (entry.includes("/")) policy.cidrs.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        policy.cidrs.push([address, address.kind() === "ipv4" ? 32 : 128]);
      } else if (/^[a-z0-9.-]+$/.test(entry)) policy.hosts.add(entry);
      else invalid.push(raw);
    } catch {
      invalid.push(raw);
    }
  }
  return { policy, invalid };
}

/** An address as the kind it really is: IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address. */
function normalise(ip: string): Address {
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress())
    return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

export type Verdict = { allowed: true } | { allowed: false; reason: string };

/** IPv6's global unicast block: ipaddr.js calls anything it has no name for "unicast". */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/** Ranges an allowlisted hostname may resolve to: the public internet and the private networks. */
const HOSTNAME_RANGES = new Set(["unicast", "private", "uniqueLocal"]);

/**
 * The range of an address, with IPv6 outside 2000::/3 that ipaddr.js leaves as "unicast"
 * (the deprecated IPv4-compatible ::/96, e.g. [::127.0.0.1], and everything else not assigned
 * for global unicast) called "reserved".
 */
function rangeOf(address: Address): string {
  const range = address.range();
  if (range === "unicast" && address.kind() === "ipv6" && !address.match(GLOBAL_UNICAST_V6)) return "reserved";
  return range;
}

/**
 * May the probe connect to `ip` (reached as `hostname`)? Public unicast: yes. Loopback,
 * private, link-local, CGNAT, multicast, unspecified, reserved and every other special
 * range (IPv6 too, including the deprecated IPv4-compatible ::/96): only when the allowlist
 * covers the address. A hostname on the allowlist lets through the public and private
 * addresses it resolves to, never loopback, link-local or another special range (a CIDR entry
 * must name those). Cloud metadata: never.
 */
export function addressVerdict(ip: string, hostname: string, policy: ProbePolicy): Verdict {
  let address: Address;
  try {
    address = normalise(ip);
  } catch {
    return { allowed: false, reason: `unreadable address ${ip}` };
  }
  if (ALWAYS_REFUSED.includes(address.toString())) return { allowed: false, reason: "cloud metadata address" };
  const range = rangeOf(address);
  if (range === "unicast") return { allowed: true };
  if (policy.cidrs.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits)))
    return { allowed: true };
  if (policy.hosts.has(hostname.toLowerCase()) && HOSTNAME_RANGES.has(range)) return { allowed: true };
  return { allowed: false, reason: `${range} address ${address.toString()}` };
}

/** The hostname as the URL gives it, without IPv6 brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

export const isIpLiteral = (host: string) => isIP(host) !== 0;
