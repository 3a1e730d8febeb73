"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SERVICE_WORKER_URL } from "@/components/pwa/service-worker-registration";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const API = "/api/push/subscriptions";

type Status = "loading" | "unsupported" | "on" | "off";
type Notice = "denied" | "dismissed" | "failed";

function isPushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The VAPID public key (base64url) as the bytes `pushManager.subscribe` expects. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function browserSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** The endpoints the server holds for the signed-in member. */
async function myEndpoints(): Promise<string[]> {
  const response = await fetch(API, { cache: "no-store" });
  if (!response.ok) return [];
  return ((await response.json()) as { endpoints: string[] }).endpoints;
}

async function subscribe(registration: ServiceWorkerRegistration, vapidPublicKey: string): Promise<PushSubscription> {
  const options = { userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) };
  try {
    return await registration.pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with an earlier server key must go before a new one can be made.
    const existing = await registration.pushManager.getSubscription();
    if (!(error instanceof DOMException && error.name === "InvalidStateError") || !existing) throw error;
    await existing.unsubscribe();
    return registration.pushManager.subscribe(options);
  }
}

/**
 * "Recevoir les notifications sur cet appareil": subscribes this browser to the member's push
 * notifications, or stops them. Permission is asked only when the member clicks, never on load.
 * Renders nothing where the browser cannot receive push.
 */
export function PushOptIn({ vapidPublicKey }: { vapidPublicKey: string }) {
  const t = useTranslations("push.optIn");
  const [status, setStatus] = useState<Status>("loading");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    const detect = async (): Promise<{ status: Status; notice: Notice | null }> => {
      if (!isPushSupported()) return { status: "unsupported", notice: null };
      const denied = Notification.permission === "denied" ? "denied" : null;
      const subscription = await browserSubscription();
      // This browser may hold the subscription of someone else who used the device: ask the server.
      const isMine = subscription !== null && (await myEndpoints()).includes(subscription.endpoint);
      return { status: isMine && !denied ? "on" : "off", notice: denied };
    };
    detect()
      .catch(() => ({ status: "off" as const, notice: null }))
      .then((found) => {
        if (isCancelled) return;
        setStatus(found.status);
        setNotice(found.notice);
      });
    return () => {
      isCancelled = true;
    };
  }, []);

  /** Runs an opt-in step: it ends on the new state, or on a notice for the member. */
  async function run(action: () => Promise<"on" | "off" | Notice>) {
    setIsBusy(true);
    setNotice(null);
    try {
      const result = await action();
      if (result === "on" || result === "off") setStatus(result);
      else setNotice(result);
    } catch (error) {
      console.warn("[push] opt-in failed:", error);
      setNotice("failed");
    } finally {
      setIsBusy(false);
    }
  }

  const enable = () =>
    run(async () => {
      // First, while the click still counts as a user gesture (some browsers require one).
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return permission === "denied" ? "denied" : "dismissed";
      await navigator.serviceWorker.register(SERVICE_WORKER_URL);
      const subscription = await subscribe(await navigator.serviceWorker.ready, vapidPublicKey);
      const response = await fetch(API, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (!response.ok) throw new Error(`subscribe answered ${response.status}`);
      return "on";
    });

  const disable = () =>
    run(async () => {
      const subscription = await browserSubscription();
      if (subscription) {
        const response = await fetch(`${API}?endpoint=${encodeURIComponent(subscription.endpoint)}`, {
          method: "DELETE",
        });
        // 404: the server had already forgotten this device; the browser's side still goes.
        if (!response.ok && response.status !== 404) throw new Error(`unsubscribe answered ${response.status}`);
        await subscription.unsubscribe();
      }
      return "off";
    });

  if (status === "loading" || status === "unsupported") return null;
  const isOn = status === "on";
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-muted" aria-live="polite">
        {isOn ? t("on") : t("off")}
      </p>
      <Button
        variant="secondary"
        size="sm"
        className="max-w-full whitespace-normal text-left"
        onClick={isOn ? disable : enable}
        disabled={isBusy}
      >
        {isBusy ? t("working") : isOn ? t("disable") : t("enable")}
      </Button>
      {notice && <Alert tone={notice === "dismissed" ? "info" : "error"}>{t(notice)}</Alert>}
    </div>
  );
}
