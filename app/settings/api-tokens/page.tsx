import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiTokenManager } from "@/components/offers/api-token-manager";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyApiTokens } from "@/lib/offers/api-tokens";
import { canManageApiTokens } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("tokens.title"), robots: { index: false } };
}

/** Personal API tokens, for pros and the team (members have no page here: 404). */
export default async function ApiTokensPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/api-tokens");
  if (!canManageApiTokens(user)) notFound();
  const tokens = await listMyApiTokens(contextFor(user));
  const t = await getTranslations("offers");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("tokens.title")}</h1>
        <p className="mt-1 text-muted">{t("tokens.intro")}</p>
      </header>
      <Card>
        <ApiTokenManager
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            revokedAt: token.revokedAt?.toISOString() ?? null,
          }))}
        />
      </Card>
      <p className="text-sm text-muted">{t("tokens.docs")}</p>
    </div>
  );
}
