import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { needsSetup } from "@/lib/setup/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl, "/");
  if (await getCurrentUser()) redirect(callbackUrl);
  if (await needsSetup()) redirect("/installation");
  const t = await getTranslations("auth");
  const tSetup = await getTranslations("setup");
  return (
    <AuthCard
      title={t("signInTitle")}
      intro={t("signInIntro")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link href="/sign-up" className="touch-target font-semibold text-teal underline">
            {t("signUpLink")}
          </Link>
        </>
      }
    >
      {params.verified === "1" ? <Alert tone="success">{t("emailVerified")}</Alert> : null}
      {params.verified === "0" ? <Alert tone="error">{t("invalidVerifyLink")}</Alert> : null}
      {params.installed === "1" ? <Alert tone="success">{tSetup("done")}</Alert> : null}
      {params.reset === "1" ? <Alert tone="success">{t("passwordReset")}</Alert> : null}
      {params.expired === "1" ? <Alert tone="info">{t("sessionExpired")}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl === "/" ? undefined : callbackUrl} />
    </AuthCard>
  );
}
