// The choropleth: one SVG path per area. The map is a single tab stop with roving focus
// (WAI-ARIA practice for composite widgets): the arrow keys move to the nearest area in that
// direction, Home/End to the first/last by name, typed letters to a name; Enter or a click
// activates the area. Hover and focus show a tooltip; Escape hides it.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { MapGeometry } from './geometry.ts';
import { ARROW_KEYS, findByPrefix, nameKey, neighbourInDirection } from './navigation.ts';

export interface AtlasMapProps {
  geometry: MapGeometry;
  /** Fill and accessible name per area code. */
  fills: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
  tooltipOf: (code: string) => ReactNode;
  /** Accessible name of the map. */
  label: string;
  /** Id of the visible keyboard help. */
  describedBy: string;
  onActivate: (code: string, how: 'keyboard' | 'pointer') => void;
  onShow: (code: string | null) => void;
  /** Move keyboard focus to this area (or the first by name) once it is on the map. */
  focusRequest: string | null;
  onFocusHandled: () => void;
  /** An area to outline (e.g. the one pinned in the panel). */
  selected: string | null;
}

interface Tip {
  code: string;
  x: number;
  y: number;
}

export function AtlasMap(props: AtlasMapProps) {
  const { geometry, fills, labels, tooltipOf, label, describedBy, onActivate, onShow, focusRequest, onFocusHandled, selected } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [tabStop, setTabStop] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  // On a touch screen there is no hover: the first tap on an area shows its figures, a second
  // tap on the same area activates it.
  const pointerType = useRef('mouse');
  const armed = useRef<string | null>(null);

  const shapes = geometry.shapes;
  const index = useMemo(() => new Map(shapes.map((s, i) => [s.code, i])), [shapes]);
  const byName = useMemo(() => shapes.map((s, i) => ({ i, key: nameKey(s.name) })).sort((a, b) => a.key.localeCompare(b.key, 'nl')).map((e) => e.i), [shapes]);
  const names = useMemo(() => byName.map((i) => shapes[i]!.name), [byName, shapes]);

  // The tab stop: the focused area, else the first by name.
  const stop = tabStop !== null && index.has(tabStop) ? tabStop : shapes[byName[0] ?? 0]?.code ?? null;

  const pathOf = (code: string) => svg.current?.querySelector<SVGPathElement>(`path[data-code="${code}"]`) ?? null;

  const focusArea = (code: string) => {
    setTabStop(code);
    pathOf(code)?.focus();
  };

  useEffect(() => {
    if (!focusRequest) return;
    const code = index.has(focusRequest) ? focusRequest : shapes[byName[0] ?? 0]?.code;
    if (code && shapes.length) {
      focusArea(code);
      onFocusHandled();
    }
  }, [focusRequest, shapes]);

  // Escape hides the tooltip wherever focus is (WCAG 1.4.13: dismissable without moving).
  useEffect(() => {
    if (!tip) return;
    const onEscape = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && setTip(null);
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [tip !== null]);

  /** The tooltip position (in px within the wrapper) at an area's centroid. */
  const tipAtCentroid = (code: string): Tip | null => {
    const s = shapes[index.get(code) ?? -1];
    const box = svg.current?.getBoundingClientRect();
    const outer = wrap.current?.getBoundingClientRect();
    if (!s || !box || !outer) return null;
    // The viewBox is scaled to fit ("meet") and centred in the element's box.
    const k = Math.min(box.width / geometry.width, box.height / geometry.height);
    const ox = (box.width - geometry.width * k) / 2;
    const oy = (box.height - geometry.height * k) / 2;
    return { code, x: box.left - outer.left + ox + s.cx * k, y: box.top - outer.top + oy + s.cy * k };
  };

  const codeOf = (target: EventTarget | null) => (target instanceof Element ? target.getAttribute('data-code') : null);

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const code = codeOf(event.target);
    const outer = wrap.current?.getBoundingClientRect();
    if (!code || !outer) {
      if (tip && tip.code !== focused) setTip(null);
      return;
    }
    if (tip?.code !== code) onShow(code);
    setTip({ code, x: event.clientX - outer.left, y: event.clientY - outer.top });
  };

  const onPointerLeave = () => {
    setTip(focused ? tipAtCentroid(focused) : null);
    onShow(focused);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const code = codeOf(event.target);
    if (!code) return;
    const from = index.get(code)!;
    const direction = ARROW_KEYS[event.key];
    let next: number | null = null;
    if (direction) {
      next = neighbourInDirection(shapes, from, direction);
      event.preventDefault();
    } else if (event.key === 'Home' || event.key === 'End') {
      next = event.key === 'Home' ? byName[0]! : byName[byName.length - 1]!;
      event.preventDefault();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(code, 'keyboard');
      return;
    } else if (event.key === 'Escape') {
      if (tip) {
        setTip(null);
        event.preventDefault();
      }
      return;
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const now = Date.now();
      const t = typed.current;
      t.text = now - t.at > 700 ? event.key : t.text + event.key;
      t.at = now;
      // Repeating one letter cycles through the names with it; more letters refine the name
      // (searching from the current area itself).
      const same = [...t.text].every((c) => c === t.text[0]);
      const position = byName.indexOf(from);
      const found = findByPrefix(names, same ? t.text[0]! : t.text, same ? position : position - 1);
      if (found !== null) next = byName[found]!;
      event.preventDefault();
    }
    if (next !== null && next !== from) focusArea(shapes[next]!.code);
  };

  const onFocus = (event: React.FocusEvent<SVGSVGElement>) => {
    const code = codeOf(event.target);
    if (!code) return;
    setTabStop(code);
    setFocused(code);
    setTip(tipAtCentroid(code));
    onShow(code);
  };

  const onBlur = (event: React.FocusEvent<SVGSVGElement>) => {
    if (event.relatedTarget instanceof Node && svg.current?.contains(event.relatedTarget)) return;
    setFocused(null);
    setTip(null);
  };

  const onClick = (event: React.MouseEvent<SVGSVGElement>) => {
    const code = codeOf(event.target);
    if (!code) return;
    if (event.detail !== 0 && pointerType.current === 'touch' && armed.current !== code) {
      armed.current = code;
      onShow(code);
      setTip(tipAtCentroid(code));
      return;
    }
    armed.current = null;
    onActivate(code, event.detail === 0 ? 'keyboard' : 'pointer');
  };

  // The 342 paths only re-render when the data or the tab stop change, not on every hover.
  const areas = useMemo(
    () => (
      <g className="atlas-map__areas">
        {shapes.map((s) => (
          <path key={s.code} data-code={s.code} d={s.d} fill={fills.get(s.code)} role="button" tabIndex={s.code === stop ? 0 : -1} aria-label={labels.get(s.code) ?? s.name} />
        ))}
      </g>
    ),
    [shapes, fills, labels, stop],
  );

  const highlight = tip?.code ?? focused;
  const highlightShape = highlight ? shapes[index.get(highlight) ?? -1] : undefined;
  const selectedShape = selected && selected !== highlight ? shapes[index.get(selected) ?? -1] : undefined;
  const wide = (wrap.current?.clientWidth ?? 600) / 2;

  return (
    <div className="atlas-map" ref={wrap}>
      <svg
        ref={svg}
        className="atlas-map__svg"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="group"
        aria-label={label}
        aria-describedby={describedBy}
        onPointerDown={(e) => (pointerType.current = e.pointerType)}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onClick={onClick}
      >
        <defs>
          <pattern id="atlas-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
            <rect width="5" height="5" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#6b6b6b" strokeWidth="2" />
          </pattern>
          <pattern id="atlas-dots" patternUnits="userSpaceOnUse" width="5" height="5">
            <rect width="5" height="5" fill="#fff" />
            <circle cx="2.5" cy="2.5" r="1.1" fill="#6b6b6b" />
          </pattern>
        </defs>
        {areas}
        {selectedShape && <path className="atlas-map__selected" d={selectedShape.d} aria-hidden="true" />}
        {highlightShape && (
          <g aria-hidden="true" className={focused === highlight ? 'atlas-map__highlight atlas-map__highlight--focus' : 'atlas-map__highlight'}>
            <path className="atlas-map__halo" d={highlightShape.d} />
            <path className="atlas-map__outline" d={highlightShape.d} />
          </g>
        )}
      </svg>
      {tip && (
        <div
          className="atlas-tooltip"
          aria-hidden="true"
          data-testid="atlas-tooltip"
          style={{
            left: tip.x > wide ? undefined : tip.x + 14,
            right: tip.x > wide ? (wrap.current?.clientWidth ?? 0) - tip.x + 14 : undefined,
            top: tip.y + 14,
          }}
        >
          {tooltipOf(tip.code)}
        </div>
      )}
    </div>
  );
}
