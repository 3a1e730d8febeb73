import { z } from "zod";

/**
 * A programme file is a few kilobytes (the Pro'pulse programme is about 10 kB): 256 kB is room
 * to spare while keeping the file, echoed back for the apply step, under the server actions'
 * body limit (next.config.ts). The form checks it before sending too.
 */
export const PROGRAMME_FILE_MAX_BYTES = 256 * 1024;

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

/** Step 1, the dry run: the file as chosen in the settings page. */
export const previewProgrammeSchema = z.object({
  file: z
    .instanceof(File, { message: "programmeAdmin.fileMissing" })
    .refine((file) => file.size > 0, "programmeAdmin.fileMissing")
    .refine((file) => file.size <= PROGRAMME_FILE_MAX_BYTES, "programmeAdmin.fileTooLarge"),
});
export type PreviewProgrammeInput = z.infer<typeof previewProgrammeSchema>;

/**
 * Step 2, applying: the previewed file's text, sent back with the token the dry run signed
 * for it (the server checks both and validates the file again before writing).
 */
export const applyProgrammeSchema = z.object({
  content: z
    .string()
    .min(1, "programmeAdmin.fileMissing")
    // Counted with LF line breaks: the browser sends the previewed text back with CRLF.
    .refine(
      (text) => byteLength(text.replace(/\r\n/g, "\n")) <= PROGRAMME_FILE_MAX_BYTES,
      "programmeAdmin.fileTooLarge",
    ),
  token: z.string().min(1, "programmeAdmin.expired").max(200, "programmeAdmin.expired"),
});
export type ApplyProgrammeInput = z.infer<typeof applyProgrammeSchema>;
