import { describe, expect, it } from "vitest";
import { hashRecoveryCode, matchTotpStep, newRecoveryCodes, openSecret, sealSecret } from "./totp";

// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890" (here in base32) gives 94287082 at
// T = 59 s and 07081804 at T = 1111111109 s; authenticator apps show the last 6 digits.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("accepts the RFC 6238 test vectors, and says which 30-second step they belong to", async () => {
    expect(await matchTotpStep(RFC_SECRET, "287082", 59_000)).toBe(1);
    expect(await matchTotpStep(RFC_SECRET, "081804", 1_111_111_109_000)).toBe(37_037_036);
  });

  it("tolerates one step of clock drift either way, not two", async () => {
    expect(await matchTotpStep(RFC_SECRET, "287082", 59_000 + 30_000)).toBe(1);
    expect(await matchTotpStep(RFC_SECRET, "287082", 59_000 + 60_000)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, "28708", 59_000)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, "abcdef", 59_000)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, " 287 082 ", 59_000)).toBe(1);
  });
});

describe("secrets and recovery codes", () => {
  it("stores the secret encrypted, differently each time, and reads it back", () => {
    const first = sealSecret(RFC_SECRET);
    const second = sealSecret(RFC_SECRET);
    expect(first).not.toContain(RFC_SECRET);
    expect(first).not.toBe(second);
    expect(openSecret(first)).toBe(RFC_SECRET);
    const [version, iv, tag, data] = first.split(".");
    const tampered = [version, iv, tag, `A${data!.slice(1)}`].join(".");
    expect(() =>
      openSecret(tampered === first ? [version, iv, tag, `B${data!.slice(1)}`].join(".") : tampered),
    ).toThrow();
  });

  it("makes ten distinct readable codes, matched whatever their case or dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(hashRecoveryCode(codes[0]!.toLowerCase().replace("-", " "))).toBe(hashRecoveryCode(codes[0]!));
  });
});
