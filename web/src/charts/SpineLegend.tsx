// The legend of the spine chart: what the bar, the line and the marker mean, and which side
// is better. The words carry the meaning; the small pictures repeat it.

import { profile } from '../i18n/profile.ts';
import { useMessages } from '../i18n/index.ts';
import { COMPARISON_ORDER } from './comparison.ts';
import { ComparisonMarker } from './SpineChart.tsx';

export function SpineLegend({ levels, benchmark, headingLevel = 2 }: { levels: string; benchmark: string; headingLevel?: 2 | 3 }) {
  const t = useMessages(profile);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="kansrijk-legend" aria-labelledby="spine-legend-heading">
      <Heading id="spine-legend-heading" className={headingLevel === 2 ? 'utrecht-heading-2 utrecht-heading-2--distanced' : 'utrecht-heading-3 utrecht-heading-3--distanced'}>
        {t.legendHeading}
      </Heading>
      <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.legendIntro(levels, benchmark)}</p>
      <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.legendOrientation}</p>
      <div className="kansrijk-legend__sample" aria-hidden="true">
        <span>{t.legendWorseLeft}</span>
        <svg width={220} height={26} viewBox="0 0 220 26" focusable="false">
          <rect x={10} y={7} width={200} height={12} fill="#dcdcdc" stroke="#767676" />
          <rect x={70} y={7} width={70} height={12} fill="#8c8c8c" stroke="#595959" />
          <line x1={110} x2={110} y1={1} y2={25} stroke="#1b1b1b" strokeWidth={2} />
        </svg>
        <span>{t.legendBetterRight}</span>
      </div>
      <ul className="kansrijk-legend__items">
        <li>
          <svg width={28} height={14} aria-hidden="true" focusable="false">
            <rect x={1} y={1} width={26} height={12} fill="#dcdcdc" stroke="#767676" />
          </svg>
          {t.legendRange}
        </li>
        <li>
          <svg width={28} height={14} aria-hidden="true" focusable="false">
            <rect x={1} y={1} width={26} height={12} fill="#8c8c8c" stroke="#595959" />
          </svg>
          {t.legendMiddle}
        </li>
        <li>
          <svg width={28} height={14} aria-hidden="true" focusable="false">
            <line x1={14} x2={14} y1={0} y2={14} stroke="#1b1b1b" strokeWidth={2} />
          </svg>
          {t.legendBenchmark(benchmark)}
        </li>
      </ul>
      <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-legend__label">{t.legendMarkers}</p>
      <ul className="kansrijk-legend__items">
        {COMPARISON_ORDER.map((c) => (
          <li key={c}>
            <ComparisonMarker comparison={c} />
            {t.comparison(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}
