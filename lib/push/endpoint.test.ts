import { describe, expect, it } from "vitest";
import { isAllowedPushAddress, isAllowedPushEndpoint } from "./endpoint";

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

describe("isAllowedPushEndpoint", () => {
  it("accepts the real push services' endpoints", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bH",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABl",
      "https://web.push.apple.com/QGuQyavXutnMoTzRS8Eq",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAD",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, strict), endpoint).toBe(true);
    }
  });

  it("refuses anything but https on the default port, and credentials in the URL", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/x",
      "ftp://fcm.googleapis.com/x",
      "javascript:alert(1)",
      "https://fcm.googleapis.com:8443/fcm/send/x",
      "https://user:secret@fcm.googleapis.com/fcm/send/x",
      "not a url",
      "",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, strict), endpoint).toBe(false);
    }
  });

  it("refuses this machine and private, link-local and reserved addresses, however they are written", () => {
    for (const endpoint of [
      "https://localhost/push",
      "https://localhost./push",
      "https://api.localhost/push",
      "https://printer.local/push",
      "https://intranet/push",
      "https://127.0.0.1/push",
      "https://2130706433/push", // 127.0.0.1 as one number
      "https://0x7f.1/push",
      "https://0.0.0.0/push",
      "https://10.1.2.3/push",
      "https://172.20.0.1/push",
      "https://192.168.1.10/push",
      "https://169.254.169.254/latest/meta-data", // cloud metadata service
      "https://100.64.0.1/push",
      "https://[::1]/push",
      "https://[fd12:3456::1]/push",
      "https://[fe80::1]/push",
      "https://[::ffff:10.0.0.1]/push",
      "https://[::ffff:127.0.0.1]/push",
      "https://[64:ff9b::a00:1]/push",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, strict), endpoint).toBe(false);
    }
  });

  it("accepts public IP literals over https", () => {
    expect(isAllowedPushEndpoint("https://142.250.74.10/fcm/send/x", strict)).toBe(true);
    expect(isAllowedPushEndpoint("https://[2a00:1450:4007::200a]/fcm/send/x", strict)).toBe(true);
  });

  it("with the test flag, accepts endpoints on this machine only, over http too", () => {
    expect(isAllowedPushEndpoint("http://127.0.0.1:4123/push/1", tests)).toBe(true);
    expect(isAllowedPushEndpoint("http://localhost:4123/push/1", tests)).toBe(true);
    expect(isAllowedPushEndpoint("http://[::1]:4123/push/1", tests)).toBe(true);
    expect(isAllowedPushEndpoint("http://192.168.1.10/push", tests)).toBe(false);
    expect(isAllowedPushEndpoint("http://fcm.googleapis.com/fcm/send/x", tests)).toBe(false);
  });
});

describe("isAllowedPushAddress (what a name resolves to)", () => {
  it("refuses non-public answers, allows loopback only with the test flag", () => {
    expect(isAllowedPushAddress("142.250.74.10", strict)).toBe(true);
    expect(isAllowedPushAddress("10.0.0.5", strict)).toBe(false);
    expect(isAllowedPushAddress("::ffff:192.168.0.1", strict)).toBe(false);
    expect(isAllowedPushAddress("127.0.0.1", strict)).toBe(false);
    expect(isAllowedPushAddress("127.0.0.1", tests)).toBe(true);
    expect(isAllowedPushAddress("10.0.0.5", tests)).toBe(false);
  });
});
