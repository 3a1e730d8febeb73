import type { ComponentProps } from "react";
import { cn } from "./cn";

type Tone = "neutral" | "brand" | "teal" | "success" | "danger";
const tones: Record<Tone, string> = {
  neutral: "bg-sand text-ink",
  brand: "bg-brand-soft text-brand-dark",
  teal: "bg-teal-soft text-teal",
  success: "bg-success-soft text-success",
  danger: "bg-danger-soft text-danger",
};

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: Tone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
