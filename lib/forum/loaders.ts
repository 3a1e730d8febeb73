import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getChannelBySlug, listChannels } from "@/db/queries/channels";

/**
 * Request-scoped loaders for pages: the layout, a page and its metadata ask for the same
 * channels within one request; React's cache() makes that one query each.
 */
export const loadChannels = cache(() => listChannels(getDb()));

export const loadChannel = cache((slug: string) => getChannelBySlug(getDb(), { slug }));
