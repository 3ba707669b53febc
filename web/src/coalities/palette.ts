// Colours of the coalition map: blue for the further stages, orange for exploring, a grey hatch
// for stopped, white for no coalition. Blue–orange stays distinct for all common colour-vision
// deficiencies, and the lightness differs between every pair (also in greyscale).

import type { CoalitionStatus } from '../lib/api.ts';

export const STATUS_ORDER: readonly CoalitionStatus[] = ['actief', 'in-oprichting', 'verkennend', 'gestopt'];

export const STATUS_FILL: Record<CoalitionStatus | 'geen', string> = {
  actief: '#08519c',
  'in-oprichting': '#6baed6',
  verkennend: '#e66101',
  gestopt: 'url(#coalition-hatch)',
  geen: '#ffffff',
};

/** CSS backgrounds for legend swatches (the same look as the SVG fills). */
export const STATUS_SWATCH: Record<CoalitionStatus | 'geen', string> = {
  ...STATUS_FILL,
  gestopt: 'repeating-linear-gradient(45deg, #6b6b6b 0 1.5px, #ffffff 1.5px 5px)',
};
