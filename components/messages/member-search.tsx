"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export type MemberMatch = { id: string; name: string };

/** Finds a member by name (two letters at least) and hands the chosen one to `onPick`. */
export function MemberSearch({
  id,
  label,
  onPick,
}: {
  id: string;
  label: string;
  onPick: (match: MemberMatch) => void;
}) {
  const t = useTranslations("messages");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<MemberMatch[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void fetch(`/api/members?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<MemberMatch[]>) : []))
        .then(setMatches)
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const visibleMatches = query.trim().length >= 2 ? matches : [];
  return (
    <div className="relative">
      <TextField
        id={id}
        label={label}
        value={query}
        autoComplete="off"
        placeholder={t("searchMember")}
        onChange={(event) => setQuery(event.target.value)}
      />
      {visibleMatches.length > 0 ? (
        <ul className="mt-1 rounded-lg border border-line bg-white">
          {visibleMatches.map((match) => (
            <li key={match.id}>
              <Button
                variant="ghost"
                size="sm"
                className="w-full justify-start"
                onClick={() => {
                  setQuery("");
                  setMatches([]);
                  onPick(match);
                }}
              >
                {match.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : query.trim().length >= 2 ? (
        <p className="mt-1 text-sm text-muted">{t("noMatch")}</p>
      ) : null}
    </div>
  );
}
