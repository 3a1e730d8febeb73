import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SessionExpiryWarning } from "@/components/auth/session-expiry-warning";
import { BottomBar, type BottomBarItem } from "@/components/layout/bottom-bar";
import { SiteHeader } from "@/components/layout/site-header";
import { TwoFactorRequiredBanner } from "@/components/security/two-factor-required-banner";
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import { ConnectionBanner } from "@/components/realtime/connection-banner";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { ToastProvider } from "@/components/ui/toast";
import { getCurrentUser } from "@/lib/auth/session";
import { brandStyle, logoUrl } from "@/lib/branding/theme";
import { getBranding } from "@/lib/branding/service";
import { loadChannels } from "@/lib/forum/loaders";
import { contextFor } from "@/lib/context";
import { countWaitingForStaff } from "@/lib/moderation/service";
import { channelName } from "@/lib/forum/channel-name";
import { isActiveMember, isListedChannel } from "@/lib/permissions";
import { canUseMessages } from "@/lib/permissions/conversations";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, branding] = await Promise.all([getTranslations("meta"), getBranding()]);
  const logo = logoUrl(branding);
  return {
    title: { default: t("title"), template: `%s · ${t("shortTitle")}` },
    description: t("description"),
    // The uploaded logo is the favicon too; without one, app/icon.svg (Next's file convention).
    ...(logo ? { icons: { icon: [{ url: logo, type: branding.logo!.contentType }] } } : {}),
  };
}

export async function generateViewport(): Promise<Viewport> {
  const branding = await getBranding();
  return { themeColor: branding.primaryColor, width: "device-width", initialScale: 1 };
}

// Read only by server components: not sent to the browser with every page.
const SERVER_ONLY_NAMESPACES = new Set([
  "meta",
  "nav",
  "footer",
  "home",
  "emails",
  "communityEmails",
  "profile",
  "email",
]);

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const user = await getCurrentUser();
  const branding = await getBranding();
  const clientMessages = Object.fromEntries(
    Object.entries(await getMessages()).filter(([namespace]) => !SERVER_ONLY_NAMESPACES.has(namespace)),
  );
  const channels = (await loadChannels()).filter((channel) => isListedChannel(user, channel));
  // Staff only (no query for anyone else): what waits for them, on the navigation's badges.
  const waitingForStaff = await countWaitingForStaff(contextFor(user));
  const bottomBar: BottomBarItem[] | null = isActiveMember(user)
    ? [
        { href: "/", label: t("home"), icon: "home" },
        { href: "/#salons", label: t("channelsShort"), icon: "channels" },
        { href: "/recherche", label: t("search"), icon: "search" },
        canUseMessages(user)
          ? { href: "/messages", label: t("messages"), icon: "messages" }
          : { href: "/notifications", label: t("notifications"), icon: "notifications" },
        {
          href: "/moi",
          label: t("me"),
          icon: "me",
          badge: waitingForStaff,
          badgeLabel: t("waitingForStaff", { count: waitingForStaff }),
        },
      ]
    : null;
  return (
    <html lang={locale} style={brandStyle(branding)}>
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-ink px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <ToastProvider>
            <RealtimeProvider>
              <ConnectionBanner />
              <ServiceWorkerRegistration />
              {user ? (
                <SessionExpiryWarning key={user.sessionEndsAt.toISOString()} remainingMs={user.sessionRemainingMs} />
              ) : null}
              <SiteHeader
                user={user}
                brand={{ name: branding.name, logoUrl: logoUrl(branding) }}
                channels={channels.map((channel) => ({ slug: channel.slug, name: channelName(channel, locale) }))}
                waitingForStaff={waitingForStaff}
              />
              <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
                {user?.needsTwoFactorSetup ? <TwoFactorRequiredBanner /> : null}
                {children}
              </main>
              <SiteFooter locale={locale} showHelp={isActiveMember(user)} />
              {bottomBar ? <BottomBar items={bottomBar} label={t("mainNav")} /> : null}
            </RealtimeProvider>
          </ToastProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
