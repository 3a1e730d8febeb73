import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCommunitySettings, isInvitationUsable } from "@/lib/admission/service";
import { resolveQuestions } from "@/lib/admission/settings";
import { getCurrentUser } from "@/lib/auth/session";
import { translateKey } from "@/lib/i18n/translate-key";
import { needsSetup } from "@/lib/setup/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

type Props = { searchParams: Promise<{ invitation?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/");
  if (await needsSetup()) redirect("/installation");
  const t = await getTranslations("auth");
  const tAll = await getTranslations();
  const { invitation } = await searchParams;
  const [settings, isInvited] = await Promise.all([getCommunitySettings(), isInvitationUsable(invitation)]);
  const questions =
    settings.mode === "closed" && !isInvited
      ? resolveQuestions(settings.questions, (key) => translateKey(tAll, key))
      : [];
  const isInvitationOnly = settings.mode === "invitation" && !isInvited;
  const notice = isInvited
    ? tAll("admission.invited")
    : invitation
      ? tAll("admission.invalidInvitation")
      : isInvitationOnly
        ? tAll("admission.invitationOnly")
        : questions.length
          ? tAll("admission.closedIntro")
          : null;
  return (
    <AuthCard
      title={t("signUpTitle")}
      intro={notice ?? t("signUpIntro")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href="/sign-in" className="touch-target font-semibold text-teal underline">
            {t("signInLink")}
          </Link>
        </>
      }
    >
      {isInvitationOnly ? null : <SignUpForm questions={questions} invitation={isInvited ? invitation : null} />}
    </AuthCard>
  );
}
