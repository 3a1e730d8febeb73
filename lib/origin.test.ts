import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin";

const env = { PUBLIC_URL: "https://communaute.propulse.example", AUTH_URL: undefined, ALLOWED_ORIGINS: undefined };

describe("the origin of a browser request", () => {
  it("accepts the app's public address and the host the request was sent to", () => {
    expect(isAllowedOrigin({ origin: "https://communaute.propulse.example" }, env)).toBe(true);
    expect(isAllowedOrigin({ origin: "http://localhost:3000", host: "localhost:3000" }, env)).toBe(true);
    expect(isAllowedOrigin({}, env)).toBe(true);
  });

  it("refuses another site, a look-alike host and a malformed origin", () => {
    expect(isAllowedOrigin({ origin: "https://evil.example", host: "communaute.propulse.example" }, env)).toBe(false);
    expect(isAllowedOrigin({ origin: "https://communaute.propulse.example.evil.example" }, env)).toBe(false);
    expect(isAllowedOrigin({ origin: "http://localhost:3001", host: "localhost:3000" }, env)).toBe(false);
    expect(isAllowedOrigin({ origin: "null", host: "localhost:3000" }, env)).toBe(false);
    expect(isAllowedOrigin({ origin: ["https://communaute.propulse.example"] }, env)).toBe(false);
  });

  it("accepts origins configured in ALLOWED_ORIGINS", () => {
    const withExtra = { ...env, ALLOWED_ORIGINS: "https://app.propulse.example, https://autre.example" };
    expect(isAllowedOrigin({ origin: "https://autre.example" }, withExtra)).toBe(true);
  });
});
