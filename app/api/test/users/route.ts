import { NextResponse } from "next/server";
import { z } from "zod";
import { createVerifiedTestAccount } from "@/lib/auth/test-accounts";
import { getEnv } from "@/lib/env";
import { userRoles, userStatuses } from "@/lib/permissions/roles";
import { cleanString } from "@/lib/validation/text";

const bodySchema = z.object({
  name: cleanString().pipe(z.string().min(2).max(60)),
  email: z.email(),
  password: z.string().min(10).max(128),
  role: z.enum(userRoles).default("member"),
  status: z.enum(userStatuses).default("active"),
  twoFactor: z.boolean().optional(),
});

/**
 * End-to-end fixture: creates a verified account so specs can seed their own users in
 * parallel. Exists only when the server was started with E2E_HOOKS=1 (Playwright's config).
 */
export async function POST(request: Request) {
  if (getEnv().E2E_HOOKS !== "1") return new NextResponse(null, { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const user = await createVerifiedTestAccount(parsed.data);
  if (!user) return NextResponse.json({ error: "email taken" }, { status: 409 });
  return NextResponse.json({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    totpSecret: user.totpSecret,
  });
}
