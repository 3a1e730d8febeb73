"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";

/** The bar shown while an upload is sent (`fraction` from postWithProgress), labelled for screen readers. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const t = useTranslations("review");
  const id = useId();
  const percent = Math.round(fraction * 100);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {t("progress")}
      </label>
      <progress id={id} max={100} value={percent} className="h-3 w-full accent-teal">
        {percent} %
      </progress>
    </div>
  );
}
