/** What the upload routes answer on success (each route fills what it has). */
export type UploadAnswer = { path?: string; postNumber?: number };

/** What an upload route answers: created, refused with one message, or per-field errors. */
export type UploadResult =
  | { ok: true; path?: string; body: UploadAnswer }
  | { ok: false; message?: string; fields?: Record<string, string[]> }
  | { ok: false; network: true };

/**
 * Posts a multipart form with XMLHttpRequest, the one browser API that reports upload
 * progress. The custom header marks the request as ours (checked server-side against CSRF).
 */
export function postWithProgress(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-propulse-upload", "1");
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      const body = (xhr.response ?? {}) as UploadAnswer & { message?: string; fields?: Record<string, string[]> };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, path: body.path, body });
      else resolve({ ok: false, message: body.message, fields: body.fields });
    });
    xhr.addEventListener("error", () => resolve({ ok: false, network: true }));
    xhr.send(form);
  });
}

export function formatSize(bytes: number, t: (key: "sizeKb" | "sizeMb", values: { size: string }) => string): string {
  if (bytes < 1024 * 1024)
    return t("sizeKb", { size: String(bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))) });
  return t("sizeMb", { size: (bytes / (1024 * 1024)).toFixed(1) });
}
