import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BrandingSettingsForm } from "@/components/branding/branding-settings-form";
import { LogoUploadForm } from "@/components/branding/logo-upload-form";
import { CommunitySettingsForm } from "@/components/moderation/community-settings-form";
import { ProgrammeTransfer } from "@/components/moderation/programme-transfer";
import { CheckinSettingsForm } from "@/components/rhythm/checkin-settings-form";
import { Card } from "@/components/ui/card";
import { getCheckinSettings } from "@/lib/rhythm/config";
import { getCommunitySettings } from "@/lib/admission/service";
import { MAX_QUESTIONS, resolveQuestions } from "@/lib/admission/settings";
import { getCurrentUser } from "@/lib/auth/session";
import { getBranding } from "@/lib/branding/service";
import { logoUrl } from "@/lib/branding/theme";
import { canEditBranding, canEditCommunitySettings, canManageProgramme } from "@/lib/permissions";
import { translateKey } from "@/lib/i18n/translate-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("settings") };
}

export default async function CommunitySettingsPage() {
  const user = await getCurrentUser();
  if (!canEditCommunitySettings(user)) notFound();
  const [branding, settings, checkin, t, tCheckin, tAll, tBranding, tProgramme] = await Promise.all([
    getBranding(),
    getCommunitySettings(),
    getCheckinSettings(),
    getTranslations("admission"),
    getTranslations("checkin.settings"),
    getTranslations(),
    getTranslations("branding"),
    getTranslations("programmeAdmin"),
  ]);
  const questions = resolveQuestions(settings.questions, (key) => translateKey(tAll, key));
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <div>
          <h1 className="text-2xl font-extrabold">{t("settingsTitle")}</h1>
          <p className="mt-1 text-muted">{t("settingsIntro")}</p>
        </div>
        <CommunitySettingsForm
          mode={settings.mode}
          questions={questions.map((question) => question.label)}
          maxQuestions={MAX_QUESTIONS}
        />
      </Card>
      <Card className="flex flex-col gap-4">
        <div>
          <h2 className="text-xl font-extrabold">{tCheckin("title")}</h2>
          <p className="mt-1 text-muted">{tCheckin("intro")}</p>
        </div>
        <CheckinSettingsForm day={checkin.day} questions={checkin.questions} nudgeMessage={checkin.nudgeMessage} />
      </Card>
      {canEditBranding(user) ? (
        <>
          <Card className="flex flex-col gap-4">
            <div>
              <h2 className="text-xl font-extrabold">{tBranding("title")}</h2>
              <p className="mt-1 text-muted">{tBranding("intro")}</p>
            </div>
            <BrandingSettingsForm branding={branding} />
          </Card>
          <Card className="flex flex-col gap-4">
            <div>
              <h2 className="text-xl font-extrabold">{tBranding("logo.title")}</h2>
              <p className="mt-1 text-muted">{tBranding("logo.intro")}</p>
            </div>
            <LogoUploadForm logoUrl={logoUrl(branding)} />
          </Card>
        </>
      ) : null}
      {canManageProgramme(user) ? (
        <Card className="flex flex-col gap-4">
          <section aria-labelledby="programme-title" className="flex flex-col gap-4">
            <div>
              <h2 id="programme-title" className="text-xl font-extrabold">
                {tProgramme("title")}
              </h2>
              <p className="mt-1 text-muted">{tProgramme("intro")}</p>
            </div>
            <ProgrammeTransfer />
          </section>
        </Card>
      ) : null}
    </div>
  );
}
