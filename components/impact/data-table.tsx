import type { ReactNode } from "react";

/** An accessible figures table: a caption (the section's name), column headers, a CSV link. */
export function DataTable({
  id,
  title,
  headers,
  rows,
  empty,
  downloadHref,
  downloadLabel,
  intro,
  chart,
  numericFrom = 1,
}: {
  id: string;
  title: string;
  headers: string[];
  rows: ReactNode[][];
  empty: string;
  downloadHref?: string;
  downloadLabel?: string;
  intro?: ReactNode;
  /** A chart of the same figures, drawn above the table (which stays its text alternative). */
  chart?: ReactNode;
  /** Columns from this index on are figures (right-aligned). */
  numericFrom?: number;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2 rounded-2xl border border-line bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        {downloadHref ? (
          <a href={downloadHref} className="text-sm font-semibold text-brand underline" download>
            {downloadLabel}
          </a>
        ) : null}
      </div>
      {intro ? <p className="text-sm text-muted">{intro}</p> : null}
      {rows.length === 0 ? <p className="text-muted">{empty}</p> : null}
      {rows.length > 0 && chart ? chart : null}
      {rows.length === 0 ? null : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                {headers.map((header, index) => (
                  <th
                    key={header}
                    scope="col"
                    className={`px-2 py-2 font-semibold ${index >= numericFrom ? "text-right" : ""}`}
                  >
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-b border-line/60 last:border-0">
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row" className="px-2 py-2 font-medium">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className={`px-2 py-2 ${index >= numericFrom ? "text-right tabular-nums" : ""}`}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
