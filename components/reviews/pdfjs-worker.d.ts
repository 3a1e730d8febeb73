// The worker bundle sets `globalThis.pdfjsWorker` when imported; it has no types of its own.
declare module "pdfjs-dist/build/pdf.worker.min.mjs";
