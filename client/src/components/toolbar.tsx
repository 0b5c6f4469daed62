/**
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between its buttons (roving tabindex).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export function Toolbar({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  function buttons(): HTMLElement[] {
    return Array.from(ref.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? []);
  }

  function focusAt(index: number) {
    const all = buttons();
    if (all.length === 0) return;
    const next = all[(index + all.length) % all.length];
    for (const button of all) button.tabIndex = button === next ? 0 : -1;
    next.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = buttons();
    const current = all.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: all.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusAt(moves[event.key]);
  }

  function onFocus() {
    // Keep exactly one button tabbable: the one last focused (or the first).
    const all = buttons();
    const active = all.indexOf(document.activeElement as HTMLElement);
    all.forEach((button, i) => { button.tabIndex = i === (active < 0 ? 0 : active) ? 0 : -1; });
  }

  return (
    <div ref={ref} role="toolbar" aria-label={label} className={className} onKeyDown={onKeyDown} onFocus={onFocus}>
      {children}
    </div>
  );
}
