"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markNotificationsRead } from "./mark-read";

export function MarkAllReadButton({ label }: { label: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationsRead({ all: true }).catch(() => null);
          router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
