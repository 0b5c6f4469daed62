/**
 * The visible clauses and their kinds, as React state: recomputed when the order or a kind changes,
 * never on a keystroke inside a text.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { clauseOrder, clausesMap, getClause, isClauseKind, KIND_KEY, orderArray, type ClauseKind } from '../../../shared/src/yjs-layout';

export interface ClauseItem {
  id: string;
  kind: ClauseKind;
}

/** Like shared clauseItems, but a clause with a kind this client does not know is left out, not fatal. */
export function readClauseItems(ydoc: Y.Doc): ClauseItem[] {
  const items: ClauseItem[] = [];
  for (const id of clauseOrder(ydoc)) {
    const kind = getClause(ydoc, id)?.get(KIND_KEY);
    if (isClauseKind(kind)) items.push({ id, kind });
  }
  return items;
}

function sameItems(a: ClauseItem[], b: ClauseItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.id === b[i].id && item.kind === b[i].kind);
}

export function useClauseItems(ydoc: Y.Doc): ClauseItem[] {
  const [items, setItems] = useState<ClauseItem[]>(() => readClauseItems(ydoc));
  useEffect(() => {
    const refresh = () =>
      setItems((previous) => {
        const next = readClauseItems(ydoc);
        return sameItems(previous, next) ? previous : next;
      });
    const order = orderArray(ydoc);
    const clauses = clausesMap(ydoc);
    const onClauses = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      // Text edits happen deep inside a fragment; only the map of clauses or a clause's own keys matter.
      if (events.some((event) => event.target === clauses || (event.target instanceof Y.Map && event.target.parent === clauses))) refresh();
    };
    order.observe(refresh);
    clauses.observeDeep(onClauses);
    refresh();
    return () => {
      order.unobserve(refresh);
      clauses.unobserveDeep(onClauses);
    };
  }, [ydoc]);
  return items;
}
