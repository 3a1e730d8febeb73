import "server-only";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "./config";
import { applyBranding } from "@/lib/branding/messages";
import { getBranding } from "@/lib/branding/service";
import { loadProgrammeMessages } from "@/lib/programme/texts";

// No locale in URLs: the choice lives in a cookie (and the member's profile), French by default.
export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : defaultLocale;
  return {
    locale,
    // The programme's texts (lib/programme), then the community's name and texts (lib/branding),
    // replace the built-in ones.
    messages: applyBranding(await loadProgrammeMessages(locale), await getBranding()),
    timeZone: "Europe/Paris",
  };
});
