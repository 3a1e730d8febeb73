import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "./client-address";

const limit = (fallback: number) =>
  z.coerce.number().int().min(1, "must be a whole number ≥ 1").max(100_000).default(fallback);

/** Anti-spam limits (README "Anti-spam"): per hour, stricter for accounts younger than a week. */
const rateLimitEnv = {
  /** `off` lifts the per-member limits (benchmarks); the sign-in throttle stays on. */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_THREADS_PER_HOUR: limit(15),
  RATE_LIMIT_THREADS_PER_HOUR_NEW: limit(5),
  RATE_LIMIT_POSTS_PER_HOUR: limit(60),
  RATE_LIMIT_POSTS_PER_HOUR_NEW: limit(20),
  RATE_LIMIT_REPORTS_PER_HOUR: limit(20),
  RATE_LIMIT_REPORTS_PER_HOUR_NEW: limit(5),
  RATE_LIMIT_UPLOADS_PER_HOUR: limit(30),
  RATE_LIMIT_UPLOADS_PER_HOUR_NEW: limit(10),
  /** New private conversations per day (README "Private conversations"). */
  RATE_LIMIT_CONVERSATIONS_PER_DAY: limit(30),
  RATE_LIMIT_CONVERSATIONS_PER_DAY_NEW: limit(3),
  RATE_LIMIT_NEW_ACCOUNT_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: limit(10),
  SIGN_IN_MAX_FAILURES_PER_IP: limit(50),
  SIGN_IN_WINDOW_MINUTES: limit(15),
  /**
   * Requests per client address per window, across instances (static assets exempt); `off` for
   * benchmarks. Generous: a classroom behind one address browses at once.
   */
  REQUEST_LIMIT: z
    .enum(["off"])
    .or(z.coerce.number().int().min(10, "must be `off` or a whole number ≥ 10").max(1_000_000))
    .default(600),
  REQUEST_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
};

/** Uploaded files (CVs, letters, pitches): size limit and where they are stored (lib/storage). */
const uploadEnv = {
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** Set S3_BUCKET to store files in an S3-compatible bucket instead of DATA_DIR/uploads. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
};

/** Web push (lib/push): VAPID keys from the environment, else generated once into DATA_DIR. */
const pushEnv = {
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (npx web-push generate-vapid-keys)")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (npx web-push generate-vapid-keys)")
    .optional(),
  /** Who push services may contact about this sender; defaults to the address in MAIL_FROM. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "must be a mailto: or https:// address")
    .optional(),
  /**
   * `1` also accepts push endpoints on this machine (http://127.0.0.1, localhost): tests stand in
   * for the push service with a local HTTP server. Never in production.
   */
  PUSH_ALLOW_INSECURE_ENDPOINTS: z.enum(["0", "1"]).default("0"),
  /**
   * `1` also lets admins follow communities on this machine (http://localhost:…) in "Offres du
   * réseau": tests run two instances side by side. Never in production.
   */
  NETWORK_ALLOW_LOCAL_SOURCES: z.enum(["0", "1"]).default("0"),
};

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Free space (MB) to keep under DATA_DIR: below it writes are refused with 507 and health is
   * degraded (lib/disk-space). 0 turns the guard off. The embedded database needs room for a
   * whole 16 MB WAL segment at any time.
   */
  DISK_MIN_FREE_MB: z.coerce
    .number()
    .int()
    .min(0, "must be a whole number of MB, 0 to turn the check off")
    .max(1_000_000)
    .default(100),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_URL: z.url().optional(),
  PUBLIC_URL: z.url().optional(),
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed: a hop count or addresses/CIDR ranges.
   * Unset: the client address is the connection's (a header any client can write is ignored).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `must be a hop count or addresses/CIDR ranges: ${(error as Error).message}`,
        });
      }
    }),
  /** Other sites allowed to open live connections (comma-separated origins), beyond the app's own. */
  ALLOWED_ORIGINS: z.string().optional(),
  SEED_ON_EMPTY: z.enum(["true", "false"]).default("true"),
  MAIL_FROM: z.string().default("Pro'pulse <communaute@propulse.example>"),
  SMTP_URL: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  E2E_HOOKS: z.enum(["0", "1"]).default("0"),
  ...rateLimitEnv,
  ...uploadEnv,
  ...pushEnv,
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string; isEmbedded: boolean };

/** Thrown when the environment is unusable; its message is written for the person starting the app. */
export class EnvError extends Error {}

function loadEnv(): Env {
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const values = parsed.data;
  if (Boolean(values.VAPID_PUBLIC_KEY) !== Boolean(values.VAPID_PRIVATE_KEY)) {
    throw new EnvError("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both, or neither.");
  }
  const isEmbedded = !values.DATABASE_URL;
  return { ...values, isEmbedded, AUTH_SECRET: resolveAuthSecret(values.AUTH_SECRET, isEmbedded, values.DATA_DIR) };
}

/**
 * The embedded mode is meant to start with zero configuration, so it keeps a generated secret
 * in DATA_DIR. A PostgreSQL deployment is a real deployment: it must be given one explicitly,
 * otherwise each instance would sign sessions with a different key.
 */
function resolveAuthSecret(given: string | undefined, isEmbedded: boolean, dataDir: string): string {
  if (given) return given;
  if (!isEmbedded) {
    throw new EnvError("AUTH_SECRET is required when DATABASE_URL is set. Generate one with: openssl rand -base64 33");
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const globalForEnv = globalThis as unknown as { propulseEnv?: Env };

/** The validated environment, read once per process (shared by server.ts and Next's bundles). */
export function getEnv(): Env {
  globalForEnv.propulseEnv ??= loadEnv();
  return globalForEnv.propulseEnv;
}
