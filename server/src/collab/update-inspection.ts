/**
 * Every update a client sends is tried on a probe before it touches the live document: a second
 * Y.Doc kept equal to the live one. The rules see the text before (the live doc) and after (the probe)
 * and the clauses the update touched; an update they refuse is never applied, stored or relayed, and
 * the probe, which it changed, is rebuilt from the live document the next time it is needed.
 */
import * as Y from 'yjs';
import { CLAUSES_KEY } from '../../../shared/src/yjs-layout';
import type { TouchedClauses } from '../proposals/proposal-integrity';

/** Origin of the probe's own transactions (it is never stored or relayed). */
const PROBE_ORIGIN = Object.freeze({ kind: 'persistence' as const });

export type InspectionVerdict<T> = { ok: true; value: T } | { ok: false; reason: string };

export class UpdateInspector {
  private probe: Y.Doc | null = null;
  /** Set while an update already on the probe is applied to the live doc, so it is not applied twice. */
  private applyingInspected = false;
  readonly stats = { rebuilds: 0 };

  constructor(private readonly live: Y.Doc) {
    live.on('update', this.follow);
  }

  /**
   * Applies `update` to the probe and asks `rules` about it. A refusal (or an update that leaves
   * changes waiting for ones the server does not have) drops the probe, which then holds a change the
   * live document will never get.
   */
  inspect<T>(update: Uint8Array, rules: (before: Y.Doc, after: Y.Doc, touched: TouchedClauses) => InspectionVerdict<T>): InspectionVerdict<T> {
    const probe = this.ensureProbe();
    const clauseIds = new Set<string>();
    let structure = false;
    const clauses: unknown = probe.getMap(CLAUSES_KEY);
    const collect = (transaction: Y.Transaction) => {
      for (const [type, keys] of transaction.changed) {
        // An entry of `clauses` set or replaced: that clause is touched (types created in the same
        // transaction are not listed as changed themselves), and so is the structure.
        if (type === clauses) for (const key of keys) if (typeof key === 'string') clauseIds.add(key);
        const touched = clauseOf(probe, type);
        if (touched === 'structure') structure = true;
        else clauseIds.add(touched);
      }
    };
    probe.on('afterTransaction', collect);
    try {
      Y.applyUpdate(probe, update, PROBE_ORIGIN);
    } catch (err) {
      this.drop();
      return { ok: false, reason: `update could not be applied: ${(err as Error).message}` };
    } finally {
      probe.off('afterTransaction', collect);
    }
    if (probe.store.pendingStructs !== null || probe.store.pendingDs !== null) {
      this.drop();
      return { ok: false, reason: 'update depends on changes the server does not have (an earlier change of yours was refused)' };
    }
    let verdict: InspectionVerdict<T>;
    try {
      verdict = rules(this.live, probe, { clauseIds, structure });
    } catch (err) {
      verdict = { ok: false, reason: `update could not be checked: ${(err as Error).message}` };
    }
    if (!verdict.ok) this.drop();
    return verdict;
  }

  /** Applies an update that passed `inspect` to the live document (the probe already has it). */
  applyInspected(update: Uint8Array, origin: unknown): void {
    this.applyingInspected = true;
    try {
      Y.applyUpdate(this.live, update, origin);
    } catch (err) {
      this.drop();
      throw err;
    } finally {
      this.applyingInspected = false;
    }
  }

  destroy(): void {
    this.live.off('update', this.follow);
    this.drop();
  }

  private ensureProbe(): Y.Doc {
    if (!this.probe) {
      this.probe = new Y.Doc({ gc: true });
      Y.applyUpdate(this.probe, Y.encodeStateAsUpdate(this.live), PROBE_ORIGIN);
      this.stats.rebuilds += 1;
    }
    return this.probe;
  }

  private drop(): void {
    this.probe?.destroy();
    this.probe = null;
  }

  /** Every change of the live document (server writes, other connections) reaches the probe too. */
  private readonly follow = (update: Uint8Array): void => {
    if (!this.probe || this.applyingInspected) return;
    try {
      Y.applyUpdate(this.probe, update, PROBE_ORIGIN);
    } catch {
      this.drop();
    }
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types `transaction.changed` with AbstractType<YEvent<any>>
type AnyType = Y.AbstractType<any>;

/** The clause a changed type belongs to, or 'structure' for `order`, the key set of `clauses` or any other root. */
function clauseOf(doc: Y.Doc, type: AnyType): string | 'structure' {
  const clauses: unknown = doc.getMap(CLAUSES_KEY);
  let current: AnyType = type;
  for (;;) {
    if (current === clauses) return 'structure';
    const item = current._item;
    if (item === null) return 'structure';
    const parent = item.parent;
    if (parent === clauses && typeof item.parentSub === 'string') return item.parentSub;
    if (!(parent instanceof Y.AbstractType)) return 'structure';
    current = parent as AnyType;
  }
}
