/**
 * A local stand-in for a push service (FCM, Mozilla…), for tests without the internet: an HTTP
 * server with one endpoint per fake device. Like a browser, each device holds a P-256 key pair
 * and an auth secret; the server decrypts what it receives (RFC 8291 / RFC 8188, written out
 * here with node:crypto, not with web-push) and checks the VAPID signature (RFC 8292).
 * Used by *.test.ts only.
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** What a browser hands the server when it subscribes, plus what it keeps to itself. */
export type FakeDevice = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** What the push service answers for this device (201 accepted, 410 gone…). */
  status: number;
  ecdh: ECDH;
};

export type ReceivedPush = {
  device: FakeDevice;
  headers: IncomingHttpHeaders;
  /** The decrypted message, parsed as JSON. */
  payload: unknown;
  /** The VAPID JWT's claims, once its ES256 signature checked out with the key in `k=`. */
  vapid: { publicKey: string; claims: { aud?: string; sub?: string; exp?: number } };
};

/** A browser's subscription keys (the keys of a real P-256 key pair and 16 random auth bytes). */
export function newDeviceKeys(): { ecdh: ECDH; keys: { p256dh: string; auth: string } } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    ecdh,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
  };
}

/** Decrypts an `aes128gcm` push message body with the receiving device's keys. */
export function decryptPushBody(body: Buffer, device: Pick<FakeDevice, "ecdh" | "keys">): string {
  // RFC 8188 §2.1 header: salt (16) | record size (4) | key id length (1) | key id, which RFC 8291 §4
  // says is the sender's ephemeral public key.
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error("a push message holds one record");
  // RFC 8291 §3.3–3.4: the ECDH secret and the auth secret give the input keying material…
  const receiverKey = Buffer.from(device.keys.p256dh, "base64url");
  const ecdhSecret = device.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiverKey, senderKey]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, Buffer.from(device.keys.auth, "base64url"), keyInfo, 32));
  // …from which RFC 8188 §2.2–2.3 derive the content encryption key and the nonce with the salt.
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record is the data, a 0x02 delimiter, then zero padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error("missing last-record delimiter");
  return plain.subarray(0, end).toString("utf8");
}

/** Checks the `Authorization: vapid t=<JWT>, k=<public key>` header and returns its claims. */
export function verifyVapidHeader(header: string | undefined): ReceivedPush["vapid"] {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`not a VAPID authorization: ${header}`);
  const [, jwt, publicKey] = match as unknown as [string, string, string];
  const [head, claims, signature] = jwt.split(".") as [string, string, string];
  const point = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const data = Buffer.from(`${head}.${claims}`);
  const signed = Buffer.from(signature, "base64url");
  if (!verify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, signed)) throw new Error("bad VAPID signature");
  return { publicKey, claims: JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) };
}

/** Starts the stand-in on 127.0.0.1 (a free port); `device()` adds an endpoint answering `status`. */
export async function startFakePushService() {
  const devices = new Map<string, FakeDevice>();
  const received: ReceivedPush[] = [];
  const errors: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const device = devices.get(request.url ?? "");
      if (!device) return void response.writeHead(404).end();
      if (device.status >= 300) return void response.writeHead(device.status).end();
      try {
        const payload = JSON.parse(decryptPushBody(Buffer.concat(chunks), device));
        received.push({
          device,
          headers: request.headers,
          payload,
          vapid: verifyVapidHeader(request.headers.authorization),
        });
        response.writeHead(device.status).end();
      } catch (error) {
        errors.push(error);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let count = 0;
  return {
    origin,
    received,
    /** Decryption or signature failures (a test should expect none). */
    errors,
    device(status = 201): FakeDevice {
      count += 1;
      const device = { endpoint: `${origin}/push/device-${count}`, status, ...newDeviceKeys() };
      devices.set(new URL(device.endpoint).pathname, device);
      return device;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
