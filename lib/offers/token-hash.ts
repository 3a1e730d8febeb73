import "server-only";
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "ppo_";

/** SHA-256 of a token, hex: what the database keeps and looks up. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes: unguessable, so a fast hash is enough (unlike passwords, which need argon2). */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}
