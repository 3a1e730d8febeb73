import { setLocaleAction } from "@/lib/actions/locale";
import { cn } from "@/components/ui/cn";

const choices = [
  { locale: "fr", label: "Français" },
  { locale: "en", label: "English" },
];

/** Plain form buttons: switching language works before (and without) JavaScript. */
export function LanguageSwitcher({ current, label }: { current: string; label: string }) {
  return (
    <form action={setLocaleAction} className="flex items-center gap-2" aria-label={label}>
      <span>{label}</span>
      {choices.map(({ locale, label: name }) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={current === locale}
          className={cn(
            "rounded-full px-3 py-1 font-semibold",
            current === locale ? "bg-ink text-white" : "text-ink underline hover:bg-white",
          )}
        >
          {name}
        </button>
      ))}
    </form>
  );
}
