import type { Metadata } from "next";
import Image from "next/image";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CodeForm } from "@/components/security/code-form";
import { SignOutOtherDevices } from "@/components/security/sign-out-others";
import { StartTwoFactorButton } from "@/components/security/start-two-factor";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { confirmTwoFactorAction, regenerateRecoveryCodesAction, turnOffTwoFactorAction } from "@/lib/actions/security";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyDevices } from "@/lib/auth/sessions";
import { getTwoFactorState } from "@/lib/auth/two-factor";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title"), robots: { index: false } };
}

/** A browser's name from its user agent, roughly ("Firefox sur Android"), for the devices list. */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return [browser, system].filter(Boolean).join(" · ") || null;
}

export default async function SecuritySettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/securite");
  const t = await getTranslations("security");
  const format = await getFormatter();
  const { db } = contextFor(user);
  const account = { userId: user.id, sessionId: user.sessionId };
  const [twoFactor, devices] = await Promise.all([getTwoFactorState(db, account), listMyDevices(db, account)]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-extrabold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("twoFactorSection")}</h2>
        <p className="mb-3">{t("twoFactorIntro")}</p>
        {twoFactor.isRequired && !twoFactor.isEnabled ? (
          <div className="mb-3">
            <Alert tone="info">{t("requiredForStaffNote")}</Alert>
          </div>
        ) : null}
        {twoFactor.isEnabled ? (
          <div className="flex flex-col gap-5">
            <p>
              <strong>{t("enabled")}</strong> {t("recoveryLeft", { count: twoFactor.recoveryCodesLeft })}
            </p>
            <CodeForm
              action={regenerateRecoveryCodesAction}
              submit={t("regenerate")}
              hint={t("regenerateHint")}
              variant="secondary"
            />
            {twoFactor.isRequired ? null : (
              <CodeForm action={turnOffTwoFactorAction} submit={t("turnOff")} variant="danger" />
            )}
          </div>
        ) : twoFactor.setup ? (
          <div className="flex flex-col gap-4">
            <p>{t("scanStep")}</p>
            {/* The SVG comes from the QR library, drawn from our own otpauth:// address. */}
            <Image
              unoptimized
              src={`data:image/svg+xml;utf8,${encodeURIComponent(twoFactor.setup.qrSvg)}`}
              alt={t("qrAlt")}
              width={192}
              height={192}
              className="rounded-lg border border-line bg-white"
            />
            <p>
              {t("keyLabel")} : <code className="break-all font-mono text-base">{twoFactor.setup.secretGroups}</code>
            </p>
            <p>{t("codeStep")}</p>
            <CodeForm action={confirmTwoFactorAction} submit={t("confirm")} />
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p>{t("disabled")}</p>
            <StartTwoFactorButton />
          </div>
        )}
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("devicesSection")}</h2>
        <p className="mb-3">{t("devicesIntro")}</p>
        <ul className="mb-4 flex flex-col gap-2">
          {devices.map((device) => (
            <li key={device.id} className="rounded-lg border border-line px-3 py-2">
              <p className="font-semibold">
                {describeDevice(device.userAgent) ?? t("unknownDevice")}
                {device.isThisDevice ? <span className="ml-2 text-sm text-teal">({t("thisDevice")})</span> : null}
              </p>
              <p className="text-sm text-muted">
                {t("since", { date: format.dateTime(device.createdAt, { dateStyle: "long" }) })} ·{" "}
                {t("lastSeen", {
                  date: format.dateTime(device.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
            </li>
          ))}
        </ul>
        {devices.length > 1 ? <SignOutOtherDevices /> : <p className="text-sm text-muted">{t("noOtherDevices")}</p>}
      </Card>
    </div>
  );
}
