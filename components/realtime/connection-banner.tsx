"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useRealtime } from "./realtime-provider";

/** A discreet notice when live updates stop, and when they are back. */
export function ConnectionBanner() {
  const t = useTranslations("live");
  const { status } = useRealtime();
  const [notice, setNotice] = useState<"lost" | "back" | null>(null);
  const wasOnline = useRef(false);
  useEffect(() => {
    if (status === "online") {
      if (wasOnline.current && notice === "lost") {
        setNotice("back");
        const timer = setTimeout(() => setNotice(null), 4_000);
        return () => clearTimeout(timer);
      }
      wasOnline.current = true;
      setNotice(null);
    } else if (status === "offline" && wasOnline.current) {
      // Short blips are normal on phones: only say something after a moment.
      const timer = setTimeout(() => setNotice("lost"), 1_500);
      return () => clearTimeout(timer);
    }
  }, [status]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!notice) return null;
  return (
    <div
      role="status"
      className={`fixed left-1/2 top-2 z-50 -translate-x-1/2 rounded-full px-4 py-2 text-sm font-semibold shadow-lg ${notice === "lost" ? "bg-ink text-white" : "bg-success text-white"}`}
    >
      {notice === "lost" ? t("lost") : t("back")}
    </div>
  );
}
