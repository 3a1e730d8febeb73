import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { generate, generateSecret, generateURI } from "otplib";
import QRCode from "qrcode";
import { getEnv } from "@/lib/env";

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps,
 * SHA-1 as every app expects). otplib computes the codes; this module keeps the secret
 * encrypted at rest, accepts the current step and its neighbours (clock drift), and reports which
 * step matched so that a code can never be used twice.
 */

const STEP_SECONDS = 30;
const ISSUER = "Pro'pulse";
export const RECOVERY_CODE_COUNT = 10;

function secretKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "propulse-totp", "totp-secret-v1", 32));
}

/** AES-256-GCM with a key derived from AUTH_SECRET: a database copy alone does not give the secrets. */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(
    ".",
  );
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** What the set-up page shows: a QR code of the otpauth:// address, and the key to type by hand. */
export async function enrollmentView(secret: string, accountEmail: string) {
  const uri = generateURI({ issuer: ISSUER, label: accountEmail, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrSvg, secretGroups: secret.match(/.{1,4}/g)?.join(" ") ?? secret };
}

export const normalizeCode = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

/**
 * The 30-second step a 6-digit code belongs to (now, or one step either side), or null. The
 * caller records the step and refuses any code at or before it.
 */
export async function matchTotpStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const current = Math.floor(now / 1000 / STEP_SECONDS);
  for (const step of [current - 1, current, current + 1]) {
    const expected = await generate({ secret, epoch: step * STEP_SECONDS });
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(token))) return step;
  }
  return null;
}

/** Ten codes such as `K7QF-2MZD`, shown once; 40 random bits each, so a plain SHA-256 is enough. */
export function newRecoveryCodes(): string[] {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(8);
    const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeCode(code)).digest("hex");
}
