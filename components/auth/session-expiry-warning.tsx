"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SESSION_WARNING_MS } from "@/lib/domain/sessions";

// Browsers run a longer timeout at once: re-plan at least daily.
const MAX_TIMEOUT_MS = 24 * 3_600_000;

/**
 * When the session ends, on this browser's clock: the server says how long is left, so a phone
 * whose clock is wrong still warns on time.
 */
async function readEndsAt(method: "GET" | "POST"): Promise<number | null> {
  const response = await fetch("/api/session", {
    method,
    headers: method === "POST" ? { "Content-Type": "application/json" } : undefined,
    body: method === "POST" ? "{}" : undefined,
    cache: "no-store",
  }).catch(() => null);
  if (!response?.ok) return null;
  const { remainingMs } = (await response.json()) as { remainingMs: number };
  return Date.now() + remainingMs;
}

/**
 * Warns before the session ends for lack of activity and lets the person continue (WCAG 2.2.1).
 * Another tab may have kept the session alive meanwhile: the server is asked before warning.
 * Rendered with `key={the session's end}` so a new server render restarts it from the new end.
 */
export function SessionExpiryWarning({ remainingMs }: { remainingMs: number }) {
  const t = useTranslations("auth.sessionExpiry");
  const router = useRouter();
  const [endsAt, setEndsAt] = useState(() => Date.now() + remainingMs);
  const [isWarning, setIsWarning] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const plan = () => {
      const warnIn = endsAt - SESSION_WARNING_MS - Date.now();
      timer = setTimeout(
        async () => {
          if (Date.now() < endsAt - SESSION_WARNING_MS) return plan();
          const current = await readEndsAt("GET");
          // Later than planned (by more than the request's own delay): another tab was used.
          if (current !== null && current > endsAt + 5_000) return setEndsAt(current);
          setNow(Date.now());
          setIsWarning(true);
        },
        Math.min(Math.max(warnIn, 0), MAX_TIMEOUT_MS),
      );
    };
    plan();
    return () => clearTimeout(timer);
  }, [endsAt]);

  useEffect(() => {
    if (!isWarning) return;
    const tick = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= endsAt) {
        const here = `${window.location.pathname}${window.location.search}`;
        router.replace(`/sign-in?expired=1&callbackUrl=${encodeURIComponent(here)}`);
      }
    }, 1_000);
    return () => clearInterval(tick);
  }, [isWarning, endsAt, router]);

  async function stay() {
    const next = await readEndsAt("POST");
    setIsWarning(false);
    if (next !== null) setEndsAt(next);
  }

  // Rendered only while warning: the countdown depends on the browser's clock (no hydration mismatch).
  if (!isWarning) return null;
  const secondsLeft = Math.max(0, Math.round((endsAt - now) / 1000));
  return (
    <Dialog open onClose={() => void stay()} title={t("title")}>
      <p role="timer" aria-live="off" className="text-ink">
        {t("body", { minutes: Math.floor(secondsLeft / 60), seconds: secondsLeft % 60 })}
      </p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button onClick={() => void stay()} autoFocus>
          {t("stay")}
        </Button>
      </div>
    </Dialog>
  );
}
