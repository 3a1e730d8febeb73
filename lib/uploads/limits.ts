import "server-only";
import { getEnv } from "@/lib/env";

/** A file as received by an upload route, before any check. */
export type UploadedFile = { bytes: Uint8Array; name: string };

/** The upload limit in MB with one decimal, for messages ("5 Mo au plus"). */
export function maxUploadMb(): number {
  return Math.round((getEnv().UPLOAD_MAX_BYTES / (1024 * 1024)) * 10) / 10;
}
