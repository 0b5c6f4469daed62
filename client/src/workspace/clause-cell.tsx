/**
 * One clause text in one language. Near the viewport it is a live ProseMirror editor; further away
 * it is the same text rendered statically (same DOM, same height), kept current as others type.
 */
import { memo, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { useTranslation } from 'react-i18next';
import { createClauseEditor, editorAttributes, updateClauseEditor } from '../editor/clause-editor';
import { renderStaticText } from '../editor/static-text';
import { useWorkspace } from './workspace-context';

export interface ClauseCellProps {
  clauseId: string;
  language: string;
  fragment: Y.XmlFragment | null;
  mounted: boolean;
  editable: boolean;
  /** The accessible name, e.g. "Article 3, Spanish text". */
  label: string;
  /** The color of someone else working in this text, if anyone is. */
  peerColor: string | null;
}

export const ClauseCell = memo(function ClauseCell({ clauseId, language, fragment, mounted, editable, label, peerColor }: ClauseCellProps) {
  const { t } = useTranslation();
  const { presence, cursors, focusRequests, editorPlugins } = useWorkspace();
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef({ label, editable });
  latest.current = { label, editable };

  // Far from the viewport: the static text, re-rendered (once a frame at most) when it changes.
  useEffect(() => {
    const host = hostRef.current;
    if (mounted || !fragment || !host) return;
    const holder = document.createElement('div');
    for (const [name, value] of Object.entries(editorAttributes(latest.current.label, language, false))) holder.setAttribute(name, value);
    holder.classList.add('ProseMirror', 'clause-static');
    holder.dataset.staticLanguage = language;
    renderStaticText(holder, fragment);
    host.replaceChildren(holder);
    let frame = 0;
    const rerender = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        renderStaticText(holder, fragment);
      });
    };
    fragment.observeDeep(rerender);
    return () => {
      fragment.unobserveDeep(rerender);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [mounted, fragment, language]);

  // Near the viewport: the editor.
  useEffect(() => {
    const host = hostRef.current;
    if (!mounted || !fragment || !host) return;
    const focus = { clauseId, language };
    host.replaceChildren();
    const view = createClauseEditor(host, {
      fragment,
      awareness: cursors.forText(clauseId, language),
      editable: latest.current.editable,
      label: latest.current.label,
      lang: language,
      onFocus: () => presence.setFocus(focus),
      onBlur: () => presence.clearFocus(focus),
      plugins: editorPlugins?.(clauseId, language, fragment),
    });
    viewRef.current = view;
    const focusIfRequested = () => {
      if (focusRequests.take(clauseId, language)) view.focus();
    };
    focusIfRequested();
    const unsubscribe = focusRequests.subscribe(focusIfRequested);
    return () => {
      unsubscribe();
      if (view.hasFocus()) {
        presence.clearFocus(focus);
        // Whatever replaces this editor (a remount, StrictMode's rehearsal) takes the caret back.
        focusRequests.request(clauseId, language);
      }
      view.destroy();
      viewRef.current = null;
      host.replaceChildren();
    };
  }, [mounted, fragment, clauseId, language, cursors, presence, focusRequests, editorPlugins]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) updateClauseEditor(view, label, language, editable);
    const holder = hostRef.current?.querySelector('.clause-static');
    holder?.setAttribute('aria-label', label);
  }, [label, language, editable]);

  if (!fragment) {
    return (
      <div className="clause-cell clause-cell-missing" lang={language}>
        {t('workspace:cell.missingText')}
      </div>
    );
  }
  return (
    <div
      ref={hostRef}
      className={`clause-cell${editable ? '' : ' clause-cell-readonly'}${peerColor ? ' clause-cell-shared' : ''}`}
      style={peerColor ? { ['--peer-color' as string]: peerColor } : undefined}
    />
  );
});
