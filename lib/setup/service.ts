import "server-only";
import { sql } from "drizzle-orm";
import { setSetting } from "@/db/queries/settings";
import { createUser, hasAdmin } from "@/db/queries/users";
import type { DbOrTx } from "@/db";
import { COMMUNITY_MODE_KEY } from "@/lib/admission/settings";
import { hashPassword } from "@/lib/auth/password";
import { forgetBranding, writeBranding } from "@/lib/branding/service";
import { DEFAULT_BRANDING } from "@/lib/branding/defaults";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyTemplate, builtInTemplate } from "@/lib/programme/apply";
import { applyHelpPages, builtInHelpPages } from "@/lib/help/template";
import type { SetupInput } from "@/lib/validation/setup";

/**
 * The setup wizard (/installation) exists only while the instance has no admin: a fresh
 * production database. The demo seed and `npm run user:create` make admins, so those instances
 * never see it. Once an admin exists it is gone for good, so this process remembers it and
 * stops asking the database.
 */
const globalForSetup = globalThis as unknown as { propulseSetupDone?: boolean };

export async function needsSetup(db: DbOrTx = getDb()): Promise<boolean> {
  if (globalForSetup.propulseSetupDone) return false;
  const isDone = await hasAdmin(db);
  if (isDone) globalForSetup.propulseSetupDone = true;
  return !isDone;
}

/** Same lock as account creation: two wizard submissions cannot both create the first admin. */
const FIRST_ACCOUNT_LOCK = 7461001;

/**
 * Runs the wizard in one transaction: the first admin (active, address taken as confirmed: the
 * person installing owns the server), the identity, the admission mode and the programme
 * template. Refused (404, nothing written) once an admin exists, even by a direct POST.
 */
export async function completeSetup(db: DbOrTx, input: SetupInput): Promise<{ adminId: string }> {
  const passwordHash = await hashPassword(input.adminPassword);
  const adminId = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`);
    if (await hasAdmin(tx)) throw new AppError("not_found");
    const admin = await createUser(tx, {
      name: input.adminName,
      email: input.adminEmail,
      passwordHash,
      role: "admin",
      status: "active",
      emailVerified: new Date(),
    });
    // A member signed up before the wizard (not possible through the app): refuse, change nothing.
    if (!admin) throw new AppError("conflict", "setup.alreadyDone");
    await writeBranding(tx, admin.id, {
      ...input,
      emailSenderName: DEFAULT_BRANDING.emailSenderName,
      emailSignature: DEFAULT_BRANDING.emailSignature,
      footerText: DEFAULT_BRANDING.footerText,
    });
    await setSetting(tx, { key: COMMUNITY_MODE_KEY, value: input.mode });
    await applyTemplate(tx, builtInTemplate(input.template));
    // The in-app help (/aide) of that template: Pro'pulse's pages, the generic set otherwise.
    await applyHelpPages(tx, builtInHelpPages(input.template));
    return admin.id;
  });
  globalForSetup.propulseSetupDone = true;
  forgetBranding();
  return { adminId };
}
