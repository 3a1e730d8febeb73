import type { Locale } from "./config";
import type core from "./messages/fr/core.json";
import type forum from "./messages/fr/forum.json";
import type moderation from "./messages/fr/moderation.json";
import type offers from "./messages/fr/offers.json";
import type review from "./messages/fr/review.json";
import type notifications from "./messages/fr/notifications.json";
import type push from "./messages/fr/push.json";
import type email from "./messages/fr/email.json";
import type search from "./messages/fr/search.json";
import type rhythm from "./messages/fr/rhythm.json";
import type data from "./messages/fr/data.json";
import type conversations from "./messages/fr/conversations.json";
import type outcomes from "./messages/fr/outcomes.json";
import type kit from "./messages/fr/kit.json";
import type help from "./messages/fr/help.json";

/** French is the source language: its files define which keys exist (messages.test.ts keeps English in step). */
export type Messages = typeof core &
  typeof forum &
  typeof offers &
  typeof moderation &
  typeof review &
  typeof notifications &
  typeof push &
  typeof email &
  typeof search &
  typeof rhythm &
  typeof data &
  typeof conversations &
  typeof outcomes &
  typeof kit &
  typeof help;

// Typed keys: `t("unknown.key")` and a wrong namespace fail the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
