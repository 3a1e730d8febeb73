import { describe, expect, it } from "vitest";
import { isAllowedOutboundUrl } from "./public-address";

const production = { allowLoopback: false };
const tests = { allowLoopback: true };

describe("isAllowedOutboundUrl (another community's address)", () => {
  it("accepts public https addresses, on any port", () => {
    for (const url of [
      "https://entraide-lyon.example",
      "https://emploi.example.org:8443/c/offres",
      "https://93.184.215.14",
    ]) {
      expect(isAllowedOutboundUrl(url, production), url).toBe(true);
    }
  });

  it("refuses http, credentials, private networks and local names in production", () => {
    for (const url of [
      "http://entraide-lyon.example",
      "https://user:secret@entraide-lyon.example",
      "https://localhost:3000",
      "http://localhost:3000",
      "https://127.0.0.1",
      "https://10.1.2.3",
      "https://192.168.1.10",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]",
      "https://[fd00::1]",
      "https://intranet",
      "https://serveur.internal",
      "https://0x7f.1",
      "ftp://entraide-lyon.example",
      "pas une adresse",
    ]) {
      expect(isAllowedOutboundUrl(url, production), url).toBe(false);
    }
  });

  it("accepts this machine over http only when tests allow it, never a private network", () => {
    expect(isAllowedOutboundUrl("http://localhost:3210", tests)).toBe(true);
    expect(isAllowedOutboundUrl("http://127.0.0.1:3210", tests)).toBe(true);
    expect(isAllowedOutboundUrl("http://10.1.2.3", tests)).toBe(false);
  });

  it("keeps push endpoints on the default port", () => {
    expect(isAllowedOutboundUrl("https://fcm.googleapis.com:8443/x", { ...production, defaultPortOnly: true })).toBe(
      false,
    );
    expect(isAllowedOutboundUrl("https://fcm.googleapis.com/x", { ...production, defaultPortOnly: true })).toBe(true);
  });
});
