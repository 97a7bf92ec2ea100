/** A tiny score trend (0–100) as an inline SVG; gaps (months without a score) are skipped. */
export function Sparkline({
  values,
  width = 96,
  height = 24,
  testId,
  label,
}: {
  values: (number | null)[];
  width?: number;
  height?: number;
  testId?: string;
  label?: string;
}) {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => height - 2 - (Math.max(0, Math.min(100, v)) / 100) * (height - 4);
  const points = values
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const last = [...values].reverse().find((v) => v !== null);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ overflow: 'visible' }}
    >
      <line x1={0} x2={width} y1={height - 2} y2={height - 2} stroke="rgba(0,0,0,0.08)" />
      {points.length > 1 && (
        <polyline points={points.join(' ')} fill="none" stroke="#1677ff" strokeWidth={1.5} />
      )}
      {points.length > 0 && last !== undefined && last !== null && (
        <circle
          cx={Number(points[points.length - 1]!.split(',')[0])}
          cy={Number(points[points.length - 1]!.split(',')[1])}
          r={2.5}
          fill="#1677ff"
        />
      )}
    </svg>
  );
}
