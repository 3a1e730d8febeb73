import { cn } from "./cn";

// Dark enough for white initials to keep a 4.5:1 contrast.
const palette = ["#86320f", "#0f6b63", "#5b3f8c", "#7a4a0b", "#1d5a8a", "#8a2b52", "#3d6b1f"];

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

function colorFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

const sizes = { sm: "size-7 text-xs", md: "size-10 text-sm", lg: "size-16 text-xl" } as const;

/** Initials avatar; decorative next to a visible name, so hidden from screen readers. */
export function Avatar({
  name,
  seed,
  size = "md",
  className,
}: {
  name: string;
  seed?: string;
  size?: keyof typeof sizes;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white",
        sizes[size],
        className,
      )}
      style={{ backgroundColor: colorFor(seed ?? name) }}
    >
      {initialsOf(name)}
    </span>
  );
}
