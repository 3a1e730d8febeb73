import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { isSuspendedVisitor } from "@/lib/auth/session";

/**
 * What a visitor sees instead of a members-only page: an invitation, not an error. A suspended
 * member (signed out by the suspension) is told their account is suspended instead: signing in
 * or joining would not help.
 */
export async function MembersOnly({ callbackUrl, channelName }: { callbackUrl: string; channelName?: string }) {
  const t = await getTranslations("forum");
  if (await isSuspendedVisitor()) {
    const tAuth = await getTranslations("auth");
    return (
      <section className="rounded-3xl bg-danger-soft px-5 py-8 sm:px-10 sm:py-12">
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("suspendedTitle")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-ink/85">{tAuth("suspended")}</p>
      </section>
    );
  }
  return (
    <section className="rounded-3xl bg-brand-soft px-5 py-8 sm:px-10 sm:py-12">
      <h1 className="text-2xl font-extrabold sm:text-3xl">
        {channelName ? t("membersOnlyTitleChannel", { channel: channelName }) : t("membersOnlyTitle")}
      </h1>
      <p className="mt-3 max-w-2xl text-lg text-ink/85">{t("membersOnlyText")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <ButtonLink href="/sign-up">{t("joinCommunity")}</ButtonLink>
        <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} variant="secondary">
          {t("signInToRead")}
        </ButtonLink>
      </div>
    </section>
  );
}
