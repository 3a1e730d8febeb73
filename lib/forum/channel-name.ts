/**
 * A channel's name in the reader's language: its English name for English readers when it has
 * one, otherwise the name it was given (in the community's language).
 */
export function channelName(channel: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === "en" && channel.nameEn ? channel.nameEn : channel.name;
}
