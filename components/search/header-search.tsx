"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { SuggestionView } from "@/lib/search/views";
import { useDebouncedFetch } from "./use-search-fetch";

function SearchIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header's search field, an ARIA combobox: suggestions as you type (debounced, stale requests
 * cancelled), arrow keys to move, Enter to open one or to search everything, Escape to close.
 * `/` focuses it from anywhere on desktop; on phones an icon button opens it.
 */
export function HeaderSearch() {
  const t = useTranslations("search");
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [isOpenOnPhone, setOpenOnPhone] = useState(false);
  const [isListOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = text.trim();
  const suggestions = useDebouncedFetch<SuggestionView>(
    query.length >= 2 ? `/api/search/suggest?q=${encodeURIComponent(query)}` : null,
  );
  const seeAll: SuggestionView = {
    kind: "thread",
    label: t("field.seeAll", { q: text.trim() }),
    href: `/recherche?q=${encodeURIComponent(text.trim())}`,
    detail: null,
  };
  const options = text.trim().length >= 2 ? [...suggestions.items, seeAll] : [];
  const isExpanded = isListOpen && options.length > 0;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      setOpenOnPhone(true);
      // The field may only just be shown (phones): focus after the render.
      requestAnimationFrame(() => inputRef.current?.focus());
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const go = (href: string) => {
    setListOpen(false);
    setOpenOnPhone(false);
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      setListOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) =>
        step === 1
          ? current >= options.length - 1
            ? 0
            : current + 1
          : current <= 0
            ? options.length - 1
            : current - 1,
      );
    } else if (event.key === "Enter" && isExpanded && active >= 0 && active < options.length) {
      event.preventDefault();
      go(options[active]!.href);
    } else if (event.key === "Escape") {
      if (isExpanded) setListOpen(false);
      else {
        setText("");
        setOpenOnPhone(false);
      }
    }
  };
  const activeOption = active >= 0 && active < options.length ? active : -1;

  return (
    <div className="relative flex-1 sm:max-w-sm">
      <button
        type="button"
        className="inline-flex size-11 items-center justify-center rounded-full text-ink hover:bg-sand sm:hidden"
        aria-label={isOpenOnPhone ? t("field.close") : t("field.open")}
        aria-expanded={isOpenOnPhone}
        aria-controls={`${id}-form`}
        onClick={() => {
          setOpenOnPhone((open) => !open);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      >
        <SearchIcon />
      </button>
      <form
        id={`${id}-form`}
        role="search"
        action="/recherche"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) go(`/recherche?q=${encodeURIComponent(text.trim())}`);
        }}
        // Phones: a panel under the header once opened. From `sm` up: always in the header.
        className={cn(
          "sm:static sm:block sm:p-0 sm:shadow-none",
          isOpenOnPhone ? "fixed inset-x-3 top-16 z-40 block rounded-xl bg-white p-2 shadow-lg" : "hidden",
        )}
      >
        <label htmlFor={`${id}-input`} className="sr-only">
          {t("field.label")}
        </label>
        <div className="relative">
          <span className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-muted">
            <SearchIcon />
          </span>
          <input
            ref={inputRef}
            id={`${id}-input`}
            name="q"
            type="search"
            role="combobox"
            autoComplete="off"
            maxLength={200}
            aria-autocomplete="list"
            aria-expanded={isExpanded}
            aria-controls={listboxId}
            aria-activedescendant={isExpanded && activeOption >= 0 ? `${id}-option-${activeOption}` : undefined}
            aria-describedby={`${id}-hint`}
            placeholder={t("field.placeholder")}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(-1);
              setListOpen(true);
            }}
            onFocus={() => setListOpen(true)}
            onBlur={() => setTimeout(() => setListOpen(false), 150)}
            onKeyDown={onKeyDown}
            className="min-h-11 w-full rounded-full border border-line bg-sand/40 py-2 pl-10 pr-10 text-base text-ink focus-visible:outline-teal"
          />
          <kbd
            aria-hidden="true"
            className="absolute right-3 top-1/2 hidden -translate-y-1/2 rounded border border-line px-1.5 text-xs text-muted sm:inline"
          >
            /
          </kbd>
        </div>
        <p id={`${id}-hint`} className="sr-only">
          {t("field.shortcut")}
        </p>
        <p className="sr-only" aria-live="polite">
          {suggestions.status === "done" && text.trim().length >= 2
            ? t("field.count", { count: suggestions.items.length })
            : ""}
        </p>
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t("field.suggestions")}
          className={cn(
            "absolute inset-x-0 top-full z-50 mt-1 max-h-[60vh] overflow-y-auto rounded-xl border border-line bg-white py-1 shadow-lg",
            isExpanded ? "block" : "hidden",
          )}
        >
          {options.map((option, index) => (
            <li
              key={`${option.href}-${index}`}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeOption}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(option.href)}
              className={cn(
                "flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 text-sm",
                index === activeOption ? "bg-teal-soft" : "hover:bg-sand",
                index === options.length - 1 ? "border-t border-line font-semibold text-teal" : "",
              )}
            >
              {index < options.length - 1 ? (
                <span className="text-xs font-semibold uppercase text-muted">{t(`kind.${option.kind}`)}</span>
              ) : null}
              <span className="break-words">{option.label}</span>
              {option.detail ? <span className="text-xs text-muted">{option.detail}</span> : null}
            </li>
          ))}
        </ul>
      </form>
    </div>
  );
}
