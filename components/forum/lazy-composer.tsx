"use client";

import { lazy, Suspense } from "react";
import { useTranslations } from "next-intl";
import type { ComposerProps } from "./composer";

/** Fetches the editor chunk (Tiptap, ProseMirror): only when someone starts writing. */
export const loadComposer = () => import("./composer");

const Composer = lazy(loadComposer);

export function LazyComposer(props: ComposerProps) {
  const t = useTranslations("editor");
  return (
    <Suspense fallback={<p className="rounded-lg border border-line bg-white p-4 text-muted">{t("loading")}</p>}>
      <Composer {...props} />
    </Suspense>
  );
}
