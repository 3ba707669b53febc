// A box that scrolls horizontally when its content (a wide table or chart) does not fit, and
// only then becomes a named, focusable stop so keyboard users can scroll it (WCAG 2.1.1).

import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollBox({ label, className, role = 'group', children }: { label: string; className: string; role?: 'group' | 'region'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className} role={overflows ? role : undefined} aria-label={overflows ? label : undefined} tabIndex={overflows ? 0 : undefined}>
      {children}
    </div>
  );
}
