/**
 * Bringing one clause into view and giving it the focus: from the outline, "Go to article", or a
 * clause link. Every row is in the page (only editors are mounted near the viewport: viewport.ts),
 * so the row can be scrolled to at once; its editor mounts as it arrives and takes the caret through
 * the focus requests (focus-requests.ts). A read-only text holds no caret: it takes the focus itself
 * (it is in the tab order), so reading by keyboard or screen reader goes on from there. The row is highlighted for a moment so the eye finds it.
 */
import type { FocusRequests } from '../workspace/focus-requests';

const HIGHLIGHT_MS = 2_500;
/** How long the row's editor has to take the focus before its number takes it instead. */
const FOCUS_FALLBACK_MS = 1_500;
const GAP_PX = 8;

let highlighted: { row: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

export function clauseRowElement(clauseId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.clause-row[data-clause-id="${CSS.escape(clauseId)}"]`);
}

/** Scrolls so that the row sits in the part of the window the sticky workspace header leaves free. */
export function scrollClauseIntoView(row: HTMLElement): void {
  const header = document.querySelector('.workspace-top')?.getBoundingClientRect().height ?? 0;
  const rect = row.getBoundingClientRect();
  const space = window.innerHeight - header;
  const offset = rect.height + 2 * GAP_PX >= space ? GAP_PX : (space - rect.height) / 3;
  window.scrollBy({ top: rect.top - header - offset, behavior: 'instant' });
}

function highlight(row: HTMLElement): void {
  if (highlighted) {
    clearTimeout(highlighted.timer);
    delete highlighted.row.dataset.jumpTarget;
  }
  // A data attribute rather than a class: React owns the row's className and would drop it on the next render.
  row.dataset.jumpTarget = 'true';
  const timer = setTimeout(() => {
    delete row.dataset.jumpTarget;
    if (highlighted?.row === row) highlighted = null;
  }, HIGHLIGHT_MS);
  highlighted = { row, timer };
}

/** Goes to the clause; false when it is not in the page (deleted, or not yet synced). */
export function jumpToClause(clauseId: string, language: string, focusRequests: FocusRequests): boolean {
  const row = clauseRowElement(clauseId);
  if (!row) return false;
  scrollClauseIntoView(row);
  highlight(row);
  focusRequests.request(clauseId, language);
  // Someone who moves the focus elsewhere meanwhile keeps it there.
  let movedElsewhere = false;
  const onFocusIn = (event: FocusEvent) => {
    if (!clauseRowElement(clauseId)?.contains(event.target as Node)) movedElsewhere = true;
  };
  document.addEventListener('focusin', onFocusIn);
  const started = Date.now();
  const check = () => {
    const current = clauseRowElement(clauseId);
    if (!current || movedElsewhere || current.contains(document.activeElement)) {
      document.removeEventListener('focusin', onFocusIn);
      return;
    }
    const editors = current.querySelectorAll('.clause-text:not(.clause-static)');
    const readOnly = editors.length > 0 && current.querySelector('.clause-text[contenteditable="true"]') === null;
    if (!readOnly && Date.now() - started < FOCUS_FALLBACK_MS) {
      requestAnimationFrame(check);
      return;
    }
    document.removeEventListener('focusin', onFocusIn);
    (current.querySelector<HTMLElement>('.clause-text[tabindex]') ?? current.querySelector<HTMLElement>('.clause-number'))?.focus({ preventScroll: true });
  };
  requestAnimationFrame(check);
  return true;
}
