"use client";

import { lazy, Suspense } from "react";
import { useTranslations } from "next-intl";
import type { ComposerProps } from "./composer";

// The editor chunk (Tiptap, ProseMirror) is fetched only when someone starts writing.
const Composer = lazy(() => import("./composer"));

export function LazyComposer(props: ComposerProps) {
  const t = useTranslations("editor");
  return (
    <Suspense fallback={<p className="rounded-lg border border-line bg-white p-4 text-muted">{t("loading")}</p>}>
      <Composer {...props} />
    </Suspense>
  );
}
