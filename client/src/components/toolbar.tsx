/**
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between its buttons (roving tabindex).
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export function Toolbar({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  function buttons(): HTMLElement[] {
    return Array.from(ref.current?.querySelectorAll<HTMLElement>(':scope > button:not([disabled]), :scope > * > button[aria-haspopup]:not([disabled])') ?? []);
  }

  // Exactly one button is in the tab order: the one last used if it still can be, else the first.
  useLayoutEffect(() => {
    const all = buttons();
    const current = all.find((button) => button.tabIndex === 0 && button.dataset.roving === 'current');
    const keep = current ?? all[0];
    for (const button of all) {
      button.tabIndex = button === keep ? 0 : -1;
      button.dataset.roving = button === keep ? 'current' : '';
    }
    for (const disabled of Array.from(ref.current?.querySelectorAll<HTMLElement>('button[disabled]') ?? [])) disabled.tabIndex = -1;
  });

  function focusAt(index: number) {
    const all = buttons();
    if (all.length === 0) return;
    const next = all[(index + all.length) % all.length];
    for (const button of all) {
      button.tabIndex = button === next ? 0 : -1;
      button.dataset.roving = button === next ? 'current' : '';
    }
    next.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return; // a menu button opening its menu, for example
    const all = buttons();
    const current = all.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: all.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusAt(moves[event.key]);
  }

  function onFocus() {
    // Keep exactly one button tabbable: the one last focused (or the first).
    const all = buttons();
    const active = all.indexOf(document.activeElement as HTMLElement);
    if (active < 0) return;
    all.forEach((button, i) => {
      button.tabIndex = i === active ? 0 : -1;
      button.dataset.roving = i === active ? 'current' : '';
    });
  }

  return (
    <div ref={ref} role="toolbar" aria-label={label} className={className} onKeyDown={onKeyDown} onFocus={onFocus}>
      {children}
    </div>
  );
}
