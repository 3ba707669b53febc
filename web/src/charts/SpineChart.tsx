// A spine chart in one table cell: the level's range as a bar (min–q1–q3–max), the benchmark
// as a line in the centre and the area as a marker whose colour and shape give the
// comparison. The SVG is an image with a text alternative that gives the same numbers.

import { COMPARISON_STYLES, markerPath, type Comparison } from './comparison.ts';
import { px } from './scale.ts';
import { spineGeometry, type SpineInput } from './spine.ts';

export const SPINE_WIDTH = 220;
export const SPINE_HEIGHT = 26;

export function SpineChart({ input, comparison, label, width = SPINE_WIDTH, height = SPINE_HEIGHT }: { input: SpineInput; comparison: Comparison; label: string; width?: number; height?: number }) {
  const g = spineGeometry(input);
  const pad = 9; // room for the marker at either end
  const x = (t: number) => px(pad + t * (width - 2 * pad));
  const mid = height / 2;
  const barHalf = 6;
  const style = COMPARISON_STYLES[comparison];
  return (
    <svg className="kansrijk-spine" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
      {g.outer && <rect className="kansrijk-spine__outer" x={x(g.outer[0])} y={mid - barHalf} width={Math.max(1, x(g.outer[1]) - x(g.outer[0]))} height={barHalf * 2} fill="#dcdcdc" stroke="#767676" strokeWidth={1} />}
      {g.inner && <rect className="kansrijk-spine__inner" x={x(g.inner[0])} y={mid - barHalf} width={Math.max(1, x(g.inner[1]) - x(g.inner[0]))} height={barHalf * 2} fill="#8c8c8c" stroke="#595959" strokeWidth={1} />}
      {g.benchmark !== null && <line className="kansrijk-spine__benchmark" x1={x(g.benchmark)} x2={x(g.benchmark)} y1={1} y2={height - 1} stroke="#1b1b1b" strokeWidth={2} />}
      {g.marker !== null && (
        <path className="kansrijk-spine__marker" data-comparison={comparison} d={markerPath(style.shape, x(g.marker), mid, 6)} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} />
      )}
    </svg>
  );
}

/** A single marker as a small inline image, for legends and tables (decorative: the words carry the meaning). */
export function ComparisonMarker({ comparison, size = 16 }: { comparison: Comparison; size?: number }) {
  const style = COMPARISON_STYLES[comparison];
  return (
    <svg className="kansrijk-marker" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <path d={markerPath(style.shape, size / 2, size / 2, size * 0.34)} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} />
    </svg>
  );
}
