import { describe, expect, it } from "vitest";
import { loadMessages, MESSAGE_FILES } from "./index";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("messages", () => {
  it("has every French key in English and no extra one", async () => {
    const [fr, en] = await Promise.all([loadMessages("fr"), loadMessages("en")]);
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
  });

  it("never defines one top-level key in two feature files", async () => {
    const { readFileSync } = await import("node:fs");
    const seen = new Map<string, string>();
    for (const name of MESSAGE_FILES) {
      const file = JSON.parse(readFileSync(new URL(`./fr/${name}.json`, import.meta.url), "utf8"));
      for (const key of Object.keys(file)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
});
