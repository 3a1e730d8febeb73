import { BUILT_IN_NAME, type Branding } from "./defaults";

type Messages = Record<string, unknown>;

/**
 * The message files with the community's identity put in: every "Pro'pulse" becomes its name,
 * and the texts an admin wrote (description, footer, e-mail signature) replace the built-in
 * ones. Applied where messages load for pages (lib/i18n/request.ts) and e-mails (lib/mail), so
 * no component or mail has to pass the name around.
 */
export function applyBranding(messages: Messages, branding: Branding): Messages {
  const overrides: Record<string, string> = {};
  if (branding.description) overrides["meta.description"] = branding.description;
  if (branding.footerText) overrides["footer.tagline"] = branding.footerText;
  const isDefault = branding.name === BUILT_IN_NAME && !Object.keys(overrides).length && !branding.emailSignature;
  if (isDefault) return messages;
  // ICU treats an apostrophe before a brace as an escape: a name with "{" is written plainly.
  const name = branding.name.replaceAll("{", "'{'").replaceAll("}", "'}'");
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === "string") {
      if (overrides[path] !== undefined) return escapeIcu(overrides[path]);
      if (branding.emailSignature && path.endsWith(".signature")) return escapeIcu(branding.emailSignature);
      return node.replaceAll(BUILT_IN_NAME, name);
    }
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node as Messages).map(([key, value]) => [key, walk(value, path ? `${path}.${key}` : key)]),
    );
  };
  return walk(messages, "") as Messages;
}

/** An admin's text is literal: braces would otherwise be read as ICU placeholders. */
function escapeIcu(value: string): string {
  return value.replaceAll("{", "'{'").replaceAll("}", "'}'");
}
