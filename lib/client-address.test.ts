import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClientAddress } from "./client-address";

const none = parseTrustProxy(undefined);

describe("the client address", () => {
  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.5", "1.2.3.4", none)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:203.0.113.5", undefined, none)).toBe("203.0.113.5");
    expect(resolveClientAddress(undefined, "1.2.3.4", none)).toBe("unknown");
  });

  it("is read past the configured number of proxy hops", () => {
    const oneHop = parseTrustProxy("1");
    // The proxy (10.0.0.2) appended the address it saw; the client wrote the first entry itself.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", oneHop)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", undefined, oneHop)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", parseTrustProxy("2"))).toBe(
      "198.51.100.7",
    );
  });

  it("is read past trusted proxy addresses only", () => {
    const trusted = parseTrustProxy("127.0.0.1, 10.0.0.0/8, ::1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", trusted)).toBe("198.51.100.7");
    // A client that is not a trusted proxy cannot choose its address.
    expect(resolveClientAddress("198.51.100.8", "1.1.1.1", trusted)).toBe("198.51.100.8");
    expect(resolveClientAddress("::1", "2001:db8::5", trusted)).toBe("2001:db8::5");
  });

  it("refuses a TRUST_PROXY that is neither a hop count nor addresses", () => {
    expect(() => parseTrustProxy("0")).toThrow();
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/neither an IP address/);
    expect(() => parseTrustProxy("10.0.0.0/40")).toThrow(/prefix/);
  });
});
