import type { ReactNode } from "react";
import { cn } from "./cn";

type Tone = "info" | "success" | "error";
const tones: Record<Tone, string> = {
  info: "border-teal/30 bg-teal-soft text-ink",
  success: "border-success/30 bg-success-soft text-success",
  error: "border-danger/30 bg-danger-soft text-danger",
};

export function Alert({
  tone = "info",
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-lg border px-4 py-3 text-sm font-medium", tones[tone], className)}
    >
      {children}
    </div>
  );
}
