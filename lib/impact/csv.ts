/**
 * CSV for spreadsheets used in France: UTF-8 with a byte-order mark (so Excel reads the accents),
 * `;` between cells (Excel's separator under a French locale), CRLF line ends, every text cell
 * quoted. A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with `'` so a spreadsheet never runs it as a formula (CSV injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  if (typeof value === "boolean") return value ? "oui" : "non";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers.map(csvCell), ...rows.map((row) => row.map(csvCell))].map((cells) => cells.join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
