import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProRequestForm } from "@/components/pros/pro-request-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getProfile } from "@/lib/profile/service";
import { getCurrentUser } from "@/lib/auth/session";
import { canRequestPro } from "@/lib/permissions";
import { getMyProRequest } from "@/lib/pros/service";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pros"))("requestTitle"), robots: { index: false } };
}

export default async function ProRequestPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/pros/request");
  if (user.status === "pending") redirect("/waiting");
  const [request, profile, t, format] = await Promise.all([
    getMyProRequest(contextFor(user)),
    getProfile(user.id),
    getTranslations("pros"),
    getFormatter(),
  ]);
  const canRequest = canRequestPro(user) && request?.status !== "pending";
  return (
    <Card className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-extrabold">{t("requestTitle")}</h1>
        <p className="mt-1 text-muted">{t("requestIntro")}</p>
      </div>
      {user.role !== "member" ? (
        <Alert tone="info">{user.role === "pro" ? t("statusApproved") : t("alreadyStaff")}</Alert>
      ) : null}
      {user.role === "member" && request?.status === "pending" ? (
        <Alert tone="info">
          {t("statusPending", { date: format.dateTime(request.createdAt, { dateStyle: "long" }) })}
        </Alert>
      ) : null}
      {user.role === "member" && request?.status === "refused" ? (
        <Alert tone="info">
          <p>{t("statusRefused")}</p>
          {request.decisionMessage ? (
            <p className="mt-1 whitespace-pre-line font-normal">{request.decisionMessage}</p>
          ) : null}
          <p className="mt-1 font-normal">{t("canReapply")}</p>
        </Alert>
      ) : null}
      {canRequest ? (
        <ProRequestForm
          defaults={{ organisation: profile?.organisation ?? "", expertise: profile?.expertise.join(", ") ?? "" }}
        />
      ) : null}
    </Card>
  );
}
