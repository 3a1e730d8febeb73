"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { formAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { isLocale, defaultLocale, type Locale } from "@/lib/i18n/config";
import { applyProgrammeImport, previewProgrammeImport } from "@/lib/moderation/programme";
import { applyProgrammeSchema, previewProgrammeSchema } from "@/lib/validation/programme";

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale().catch(() => defaultLocale);
  return isLocale(locale) ? locale : defaultLocale;
}

// The file's text is never echoed in `values`: it can be large, and the form does not need it back.
const secretFields = ["content", "token"] as const;

/** Step 1: the dry run of an uploaded programme file (admins; nothing is written). */
export const previewProgrammeAction = formAction(
  previewProgrammeSchema,
  async ({ file }, { user }) => {
    const preview = await previewProgrammeImport(contextFor(user), {
      content: await file.text(),
      locale: await currentLocale(),
    });
    // The form is reset after the action: the result names the file it is about.
    return { ...preview, fileName: file.name.slice(0, 120) };
  },
  { secretFields },
);

/** Step 2: applies the previewed file (admins; audited). */
export const applyProgrammeAction = formAction(
  applyProgrammeSchema,
  async (input, { user }) => {
    const result = await applyProgrammeImport(contextFor(user), { ...input, locale: await currentLocale() });
    // Channel names show in every page's navigation.
    if (result.ok) revalidatePath("/", "layout");
    return result;
  },
  { secretFields },
);
