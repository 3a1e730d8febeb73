import "server-only";
import { getDb } from "@/lib/db";
import { readSections, type Sections } from "./sections";

/**
 * The programme's texts (lib/programme/sections) read on every page and e-mail: kept in memory
 * for a short while, like the branding, and forgotten at once when this process imports a template.
 */
const TTL_MS = 30_000;
const globalForProgramme = globalThis as unknown as { propulseProgramme?: { value: Sections; at: number } };

export async function getProgrammeSections(): Promise<Sections | null> {
  const cached = globalForProgramme.propulseProgramme;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  try {
    const value = await readSections(getDb());
    globalForProgramme.propulseProgramme = { value, at: Date.now() };
    return value;
  } catch (error) {
    // The database is out: pages and mails still render, with the last known or built-in texts.
    console.error("[programme] could not read the programme's texts:", error);
    return cached?.value ?? null;
  }
}

export function forgetProgrammeSections(): void {
  delete globalForProgramme.propulseProgramme;
}
