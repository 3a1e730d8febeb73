import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { userRoles } from "@/lib/permissions/roles";
import { displayNameSchema, emailSchema, newPasswordSchema } from "@/lib/validation/auth";
import { CliError, parseFlags, runWithDb } from "./cli";
import { createUser } from "./queries/users";

const argsSchema = z.object({
  email: emailSchema,
  name: displayNameSchema,
  role: z.enum(userRoles).default("member"),
  password: newPasswordSchema.optional(),
});

// npm run user:create -- --email nadia@exemple.fr --name "Nadia B." --role facilitator [--password …]
void runWithDb(async ({ db }) => {
  const parsed = argsSchema.safeParse(parseFlags(process.argv.slice(2)));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`);
    throw new CliError(
      `Usage: npm run user:create -- --email EMAIL --name NAME [--role ${userRoles.join("|")}] [--password PASSWORD]\n${problems.join("\n")}`,
    );
  }
  const { email, name, role } = parsed.data;
  const password = parsed.data.password ?? randomBytes(12).toString("base64url");
  const user = await createUser(db, {
    email,
    name,
    role,
    passwordHash: await hashPassword(password),
    emailVerified: new Date(),
  });
  if (!user) throw new CliError(`An account already exists for ${email}.`);
  console.info(`Created ${role} ${name} <${email}>${parsed.data.password ? "" : ` with password: ${password}`}`);
});
