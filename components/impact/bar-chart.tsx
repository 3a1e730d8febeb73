/**
 * A horizontal bar chart drawn as plain SVG on the server: no chart library, no JavaScript
 * shipped. It is an image with a text alternative (its `<title>` and `<desc>` list every bar);
 * the same figures sit in the table beside it for those who prefer to read them.
 */
export type Bar = { label: string; value: number; display: string };

const ROW = 30;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 64;
const WIDTH = 480;

export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 4;
  const description = bars.map((bar) => `${bar.label} : ${bar.display}`).join(" ; ");
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full max-w-xl text-ink"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = index * ROW + 2;
        const width = max > 0 ? Math.max((bar.value / max) * plot, bar.value > 0 ? 2 : 0) : 0;
        return (
          <g key={bar.label} aria-hidden="true">
            <text
              x={LABEL_WIDTH - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="13"
              fill="currentColor"
            >
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 5} width={width} height={ROW - 10} rx="3" className="fill-teal" />
            <text
              x={LABEL_WIDTH + width + 6}
              y={y + ROW / 2}
              dominantBaseline="middle"
              fontSize="13"
              fontWeight="600"
              fill="currentColor"
            >
              {bar.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
