import { highlightParts } from "@/lib/domain/search";

/**
 * A ts_headline snippet as React text: the database marks matches with private-use characters,
 * which become <mark>; everything else (including a post's own `<script>`) is escaped by React.
 */
export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {highlightParts(snippet).map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded bg-brand-soft px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
