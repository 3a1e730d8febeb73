/**
 * Every kind of notification has its e-mail button label in both languages: a missing one made
 * the delivery job fail (MISSING_MESSAGE), so new-message e-mails were never sent.
 */
import { describe, expect, it } from "vitest";
import { notificationTypes } from "@/lib/domain/notifications";
import en from "@/lib/i18n/messages/en/email.json";
import fr from "@/lib/i18n/messages/fr/email.json";

describe("notification e-mails", () => {
  for (const [locale, messages] of [
    ["fr", fr],
    ["en", en],
  ] as const) {
    it(`name the button of every kind of notification in ${locale}`, () => {
      const actions: Record<string, string> = messages.email.notification.actions;
      const missing = notificationTypes.filter((type) => !actions[type]?.trim());
      expect(missing).toEqual([]);
    });
  }
});
