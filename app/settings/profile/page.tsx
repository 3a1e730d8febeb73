import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getProfile } from "@/lib/profile/service";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ password?: string }> };

export default async function ProfileSettingsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/profile");
  const profile = await getProfile(user.id);
  if (!profile) redirect("/sign-in");
  const t = await getTranslations("settings");
  const tSecurity = await getTranslations("security");
  const { password } = await searchParams;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-extrabold">{t("title")}</h1>
      <p>
        <Link href="/settings/securite" className="touch-target font-semibold text-teal underline">
          {tSecurity("link")}
        </Link>
      </p>
      {password === "changed" ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("profileSection")}</h2>
        <ProfileForm
          profile={{
            id: profile.id,
            name: profile.name,
            headline: profile.headline ?? "",
            seeking: profile.seeking ?? "",
            location: profile.location ?? "",
            bio: profile.bio ?? "",
            organisation: profile.organisation ?? "",
            expertise: profile.expertise.join(", "),
            isPro: profile.role === "pro",
          }}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("passwordSection")}</h2>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
