import { BlockList, isIP } from "node:net";

/**
 * The header `server.ts` sets on every request with the client address it worked out (a value
 * sent by the client under that name is replaced). Per-address limits read it through
 * `clientIp` in lib/rate-limit.
 */
export const CLIENT_ADDRESS_HEADER = "x-propulse-client-ip";

/** Which reverse proxies may say who the client is (`TRUST_PROXY`): none, a hop count, or addresses. */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: BlockList };

function normalize(address: string): string {
  const trimmed = address.trim();
  // An IPv4 client seen on an IPv6 socket.
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * Parses `TRUST_PROXY`: unset or empty → trust no header; a whole number N → the last N hops are
 * our proxies; else comma-separated addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8,::1`).
 * Throws a message naming the bad entry.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value?.trim()) return { kind: "none" };
  if (/^\d+$/.test(value.trim())) {
    const hops = Number(value.trim());
    if (hops < 1 || hops > 10) throw new Error("a hop count must be between 1 and 10");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`"${entry}" is neither an IP address nor a CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`"${entry}": bad prefix length`);
      list.addSubnet(address, bits, type);
    }
  }
  return { kind: "addresses", list };
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless trusted proxies sit in front. Then the
 * `X-Forwarded-For` chain is read from the right (each proxy appends the address it saw), past
 * the configured number of hops or past the trusted addresses; entries further left were written
 * by the client and prove nothing.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const peer = normalize(socketAddress ?? "") || "unknown";
  if (trust.kind === "none") return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalize)
    .filter(Boolean);
  if (trust.kind === "hops") {
    const hops = [...chain, peer];
    return hops[Math.max(0, hops.length - 1 - trust.hops)] ?? peer;
  }
  let address = peer;
  while (isTrusted(trust.list, address) && chain.length > 0) address = chain.pop()!;
  return address;
}
