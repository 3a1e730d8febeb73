import "server-only";
import { lookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/*
 * URLs that members or admins hand us and the server later requests (push endpoints, other
 * instances' offers). Left open, they would let anyone make the server send requests into its
 * own network (SSRF): only public hosts are reached, and the check is made again on the DNS
 * answer at connection time (a public name may point into our network).
 */

/** Addresses that are not on the public internet: this machine, private networks, link-local, multicast, reserved. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, including cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64: embeds an IPv4 address of any kind
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}
// (IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d, are checked against the IPv4 rules by BlockList.)

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Names that only mean something on a local network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/;

export type OutboundPolicy = {
  /** Also accept http and https on this machine (tests only: each feature has its own env flag). */
  allowLoopback: boolean;
  /** Refuse an explicit port (push services all listen on 443). */
  defaultPortOnly?: boolean;
};

function isLoopbackHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? "ipv4" : "ipv6");
}

/** Whether the server may connect to this resolved address. */
export function isAllowedOutboundAddress(address: string, policy: OutboundPolicy): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (policy.allowLoopback && isLoopbackHost(address)) return true;
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Whether `value` is a URL the server agrees to request: `https:`, no credentials, a public name
 * or a public IP address. With `allowLoopback`, URLs on this machine are accepted too, over http
 * or https, on any port.
 */
export function isAllowedOutboundUrl(value: string, policy: OutboundPolicy): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // The URL parser already turned 0x7f.1 or 2130706433 into 127.0.0.1; drop IPv6 brackets and a final dot.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (policy.allowLoopback && isLoopbackHost(host)) return url.protocol === "https:" || url.protocol === "http:";
  if (url.protocol !== "https:" || (policy.defaultPortOnly && url.port !== "")) return false;
  if (isIP(host)) return isAllowedOutboundAddress(host, policy);
  // A single label ("intranet") is resolved through the local search domains.
  return host.includes(".") && !LOCAL_NAME.test(host);
}

/** A DNS lookup that fails when any answer is not a public address (a name may point into our network). */
export function publicOnlyLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "");
      if (addresses.length === 0 || addresses.some((entry) => !isAllowedOutboundAddress(entry.address, policy))) {
        return callback(new Error(`${hostname} resolves to a non-public address`), "");
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
