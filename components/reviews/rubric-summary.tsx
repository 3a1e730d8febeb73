import { getTranslations } from "next-intl/server";
import type { FeedbackView } from "@/lib/reviews/types";
import type { CriterionSummary } from "@/lib/reviews/rubric";

type Props = {
  summary: CriterionSummary[];
  feedback: FeedbackView[];
  threadHref: string;
  versionNumbers: Map<number, number>;
};

/** Per-criterion averages over all structured reviews, and links to each review in the discussion. */
export async function RubricSummary({ summary, feedback, threadHref, versionNumbers }: Props) {
  const t = await getTranslations("review");
  return (
    <section aria-labelledby="rubric-summary-title" className="flex flex-col gap-2">
      <h3 id="rubric-summary-title" className="text-base font-bold">
        {t("summaryTitle")}{" "}
        <span className="text-sm font-normal text-muted">· {t("summaryCount", { count: feedback.length })}</span>
      </h3>
      {feedback.length === 0 ? (
        <p className="text-sm text-muted">{t("summaryEmpty")}</p>
      ) : (
        <>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-2 font-semibold">
                  {t("criterion")}
                </th>
                <th scope="col" className="py-1 font-semibold">
                  {t("average")}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.map((row) => (
                <tr key={row.criterion} className="border-b border-line/60">
                  <th scope="row" className="py-1.5 pr-2 font-normal">
                    {row.label}
                  </th>
                  <td className="py-1.5 whitespace-nowrap">
                    {row.average === null ? t("noScore") : t("averageValue", { average: row.average })}
                    <span className="ml-2 inline-block h-2 w-16 rounded bg-line align-middle" aria-hidden="true">
                      <span
                        className="block h-2 rounded bg-teal"
                        style={{ width: `${((row.average ?? 0) / 4) * 100}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="flex flex-col gap-1 text-sm">
            {feedback.map((item) => (
              <li key={item.postId}>
                <a href={`${threadHref}?post=${item.postNumber}`} className="text-teal underline">
                  {t("reviewLink", { name: item.authorName, number: item.postNumber })}
                </a>
                {versionNumbers.has(item.versionId) ? (
                  <span className="text-muted">
                    {" "}
                    · {t("versionLabel", { number: versionNumbers.get(item.versionId)! })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
