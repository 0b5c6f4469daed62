/**
 * The document: every visible clause in order, numbered from the order and kinds (shared numbering),
 * with the structure actions wired to Yjs transactions. A clause link's target is brought into view here
 * (navigation/clause-link-target.tsx).
 */
import { Fragment, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseKind } from '../../../shared/src/yjs-layout';
import type { Peer } from '../collab/presence';
import { useToasts } from '../components/toasts';
import { useClauseItems } from './clause-items';
import { clauseLabels } from './clause-label';
import { ClauseRow, type RowActions } from './clause-row';
import { addClauseAfter, moveClauseBy, moveClauseNextTo, removeClause, undoRemoveClause } from './structure';
import { useWorkspace } from './workspace-context';
import { DeleteClauseDialog } from './delete-clause-dialog';
import { ClauseLinkTarget } from '../navigation/clause-link-target';
import { FeaturesContext } from './features-context';
import { numberLabel, useFixedNumbers, usePreviousNumbers } from '../numbering/numbering-store';
import { DeletedNumberRow } from '../numbering/deleted-number-row';
import { deriveNumbering, sameNumber, type DeletedNumber } from '../../../shared/src/stable-numbering';

const NO_PEERS: Peer[] = [];

interface DropTarget {
  id: string;
  place: 'before' | 'after';
}

export function ClauseList({ languages, canEditText, canEditStructure }: { languages: readonly string[]; canEditText: boolean; canEditStructure: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const { collab, presence, focusRequests, announce } = useWorkspace();
  const ydoc = collab.ydoc;
  const items = useClauseItems(ydoc);
  // Stable numbering (issue 15): the fixed numbers, the deleted ones in place, and each changed number's former one.
  const numbering = useContext(FeaturesContext)?.numbering;
  const fixed = useFixedNumbers(numbering);
  const previous = usePreviousNumbers(numbering);
  const labels = useMemo(() => clauseLabels(t, items, fixed), [items, t, fixed]);
  const { formerly, deletedBefore } = useMemo(() => {
    const derived = deriveNumbering(items, fixed);
    const former = new Map<string, string>();
    if (previous) {
      for (const [id, number] of derived.numbers) {
        const before = previous[id];
        if (before && (before.article !== undefined || before.section !== undefined) && !sameNumber(before, number)) former.set(id, numberLabel(t, before));
      }
    }
    const placed = new Map<string | null, DeletedNumber[]>();
    for (const d of derived.deleted) placed.set(d.beforeId, [...(placed.get(d.beforeId) ?? []), d]);
    return { formerly: former, deletedBefore: placed };
  }, [items, fixed, previous, t]);
  const peers = useSyncExternalStore(presence.subscribe, presence.getSnapshot);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const pendingControlFocus = useRef<{ id: string; control: string } | null>(null);

  const labelOf = useCallback((id: string) => labels.get(id) ?? '', [labels]);

  // Stable across renders so memoized rows do not re-render; reads the latest values through a ref,
  // brought up to date once each render is committed (the actions run from events, after that).
  const latest = useRef({ labelOf, draggingId, languages, items });
  useLayoutEffect(() => {
    latest.current = { labelOf, draggingId, languages, items };
  });

  const actions = useMemo<RowActions & { confirmedRemove(id: string): void }>(
    () => ({
      add(afterId: string, kind: ClauseKind) {
        const id = addClauseAfter(ydoc, latest.current.languages, afterId, kind);
        focusRequests.request(id, latest.current.languages[0]);
        announce(t('workspace:announce.added', { kind: t(`workspace:kind.${kind}`), label: latest.current.labelOf(afterId) }));
      },
      move(id: string, direction: -1 | 1) {
        if (!moveClauseBy(ydoc, id, direction)) return;
        pendingControlFocus.current = { id, control: direction < 0 ? 'up' : 'down' };
        announce(t(direction < 0 ? 'workspace:announce.movedUp' : 'workspace:announce.movedDown', { label: latest.current.labelOf(id) }));
      },
      remove(id: string) {
        // Asked first (DeleteClauseDialog); `confirmedRemove` deletes.
        setDeleting(id);
      },
      confirmedRemove(id: string) {
        setDeleting(null);
        const label = latest.current.labelOf(id);
        const ids = latest.current.items.map((item) => item.id);
        const index = ids.indexOf(id);
        const neighbour = ids[index + 1] ?? ids[index - 1] ?? null;
        const deleted = removeClause(ydoc, id);
        // Focus stays in the list: on the clause that took its place (or the one before it).
        pendingControlFocus.current = neighbour ? { id: neighbour, control: 'first' } : null;
        toasts.show({
          message: t('workspace:toast.deleted', { label }),
          action: {
            label: t('workspace:toast.undo'),
            run: () => {
              if (undoRemoveClause(ydoc, deleted)) {
                pendingControlFocus.current = { id, control: 'delete' };
                announce(t('workspace:announce.restored', { label }));
              }
            },
          },
        });
      },
      dragStart(id: string) {
        setDraggingId(id);
      },
      dragOver(targetId: string, place: 'before' | 'after') {
        setDropTarget((current) => (current?.id === targetId && current.place === place ? current : { id: targetId, place }));
      },
      drop(targetId: string, place: 'before' | 'after') {
        const moving = latest.current.draggingId;
        setDraggingId(null);
        setDropTarget(null);
        if (moving && moveClauseNextTo(ydoc, moving, targetId, place)) {
          announce(t('workspace:announce.moved', { label: latest.current.labelOf(moving) }));
        }
      },
      dragEnd() {
        setDraggingId(null);
        setDropTarget(null);
      },
    }),
    [ydoc, focusRequests, announce, toasts, t],
  );

  // After a move or delete re-renders the rows, give focus back to the control that was used.
  useLayoutEffect(() => {
    const pending = pendingControlFocus.current;
    if (!pending) return;
    pendingControlFocus.current = null;
    const row = document.querySelector<HTMLElement>(`[data-clause-id="${CSS.escape(pending.id)}"]`);
    const buttons = Array.from(row?.querySelectorAll<HTMLButtonElement>('.row-actions button') ?? []);
    const target = buttons.find((button) => button.dataset.control === pending.control && !button.disabled) ?? buttons.find((button) => !button.disabled);
    if (target) {
      for (const button of buttons) {
        button.tabIndex = button === target ? 0 : -1;
        button.dataset.roving = button === target ? 'current' : '';
      }
      target.focus();
    }
  }, [items]);

  const peersByClause = useMemo(() => {
    const map = new Map<string, Peer[]>();
    for (const peer of peers) {
      if (peer.isSelf || !peer.focus) continue;
      const list = map.get(peer.focus.clauseId) ?? [];
      list.push(peer);
      map.set(peer.focus.clauseId, list);
    }
    return map;
  }, [peers]);

  if (items.length === 0) {
    // A new negotiation starts empty: without a first clause there would be no row to add after.
    const addFirst = () => focusRequests.request(addClauseAfter(ydoc, languages, null, 'clause'), languages[0]);
    return (
      <div className="empty-document">
        <ClauseLinkTarget items={items} languages={languages} />
        <p>{t('workspace:emptyDocument')}</p>
        {canEditStructure && (
          <button type="button" className="button button-primary" onClick={addFirst}>
            {t('workspace:addFirst')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div
      className="clause-list"
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
      }}
    >
      <ClauseLinkTarget items={items} languages={languages} />
      {deleting && <DeleteClauseDialog label={labelOf(deleting)} onConfirm={() => actions.confirmedRemove(deleting)} onCancel={() => setDeleting(null)} />}
      {items.map((item, index) => (
        <Fragment key={item.id}>
          {deletedBefore.get(item.id)?.map((d) => (
            <DeletedNumberRow key={`deleted-${d.clauseId}`} deleted={d} />
          ))}
          <ClauseRow
            id={item.id}
            kind={item.kind}
            label={labels.get(item.id) ?? ''}
            formerly={formerly.get(item.id)}
            isFirst={index === 0}
            isLast={index === items.length - 1}
            languages={languages}
            canEditText={canEditText}
            canEditStructure={canEditStructure}
            peers={peersByClause.get(item.id) ?? NO_PEERS}
            dropPlace={dropTarget?.id === item.id && draggingId !== item.id ? dropTarget.place : null}
            dragging={draggingId === item.id}
            actions={actions}
          />
        </Fragment>
      ))}
      {deletedBefore.get(null)?.map((d) => (
        <DeletedNumberRow key={`deleted-${d.clauseId}`} deleted={d} />
      ))}
    </div>
  );
}
