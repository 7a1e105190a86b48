/**
 * An icon array: 100 figures in a 10 × 10 grid, `count` of them filled, and for a range the
 * figures up to `countHigh` half-filled (IPDAS: show chances as natural frequencies with a
 * picture, same denominator every time). One image with a text alternative that says it all.
 */
const CELL = 12;
const cells = Array.from({ length: 100 }, (_, i) => ({
  id: `cell-${i}`,
  position: i,
  x: (i % 10) * CELL + CELL / 2,
  y: Math.floor(i / 10) * CELL + CELL / 2,
}));

export function IconArray({
  count,
  countHigh,
  label,
  color = "var(--mantine-color-blue-8)",
}: {
  count: number;
  countHigh?: number | undefined;
  label: string;
  color?: string;
}) {
  const high = countHigh ?? count;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${10 * CELL} ${10 * CELL}`}
      width={10 * CELL}
      height={10 * CELL}
      style={{ flex: "none", maxWidth: "100%" }}
    >
      {cells.map(({ id, position, x, y }) => {
        const fill =
          position < count
            ? color
            : position < high
              ? "var(--mantine-color-blue-3)"
              : "var(--mantine-color-gray-3)";
        return (
          <g key={id} fill={fill}>
            <circle cx={x} cy={y - 2.6} r={2.2} />
            <path d={`M${x - 3.4} ${y + 4.6} a3.4 3.6 0 0 1 6.8 0 z`} />
          </g>
        );
      })}
    </svg>
  );
}
