// The national map of coalitions: every gemeente filled by the status of its coalition. The map
// is one image with a text label; the table on the page is its accessible alternative.

import { useMemo } from 'react';
import { projectFeatures, topologyFeatures, type GeoTopology } from '../atlas/geometry.ts';
import type { CoalitionOverview } from '../lib/api.ts';
import { STATUS_FILL } from './palette.ts';

export function CoalitionMap({ topology, overview, label }: { topology: GeoTopology; overview: CoalitionOverview; label: string }) {
  const geometry = useMemo(() => projectFeatures(topologyFeatures(topology, 'gemeente'), 600, 720), [topology]);
  const status = useMemo(() => new Map(overview.gemeenten.map((g) => [g.code, g.status])), [overview]);
  return (
    <svg className="kansrijk-coalition-map" viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="img" aria-label={label} data-testid="coalition-map">
      <defs>
        <pattern id="coalition-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="#6b6b6b" strokeWidth="1.5" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {geometry.shapes.map((shape) => {
          const s = status.get(shape.code) ?? null;
          return <path key={shape.code} d={shape.d} fill={STATUS_FILL[s ?? 'geen']} stroke="#4d4d4d" strokeWidth={0.4} data-code={shape.code} data-status={s ?? 'geen'} />;
        })}
      </g>
    </svg>
  );
}
