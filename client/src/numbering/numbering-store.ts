/**
 * The document's stable numbering (issue 15) as this client knows it, on the shared live store
 * (realtime/live-store.ts): read over REST (again after every reconnection and on every socket.io
 * `numbering:changed`, which the secretariat's fixing or renumbering sends to every open workspace).
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { SocketEvent } from '../../../shared/src/protocol';
import type { NumberingState, RenumberAnswer } from '../../../shared/src/api/numbering';
import type { ClauseNumber } from '../../../shared/src/numbering';
import { numberText, type FixedNumbers } from '../../../shared/src/stable-numbering';
import { api } from '../api/http';
import { aboutDocument, LiveStore, RELOAD } from '../realtime/live-store';
import { useLiveSelect, useLiveStart } from '../realtime/use-live';

export interface NumberingData {
  state: NumberingState | null;
}

const numberingPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/numbering`;

export const numberingApi = {
  read: (documentId: string, signal?: AbortSignal) => api.get<NumberingState>(numberingPath(documentId), { signal }),
  fix: (documentId: string, versionId: string) => api.post<NumberingState>(numberingPath(documentId), { versionId }),
  renumber: (documentId: string) => api.post<RenumberAnswer>(`${numberingPath(documentId)}/renumber`, {}),
};

export class NumberingStore extends LiveStore<NumberingData> {
  constructor(readonly documentId: string) {
    super({
      initial: { state: null },
      load: async (signal) => ({ state: await numberingApi.read(documentId, signal) }),
      events: {
        [SocketEvent.NumberingChanged]: (event) => (aboutDocument(documentId, event) ? RELOAD : null),
      },
    });
  }

  async fix(versionId: string): Promise<NumberingState> {
    const state = await numberingApi.fix(this.documentId, versionId);
    this.apply(() => ({ state }));
    return state;
  }

  async renumber(): Promise<RenumberAnswer> {
    const answer = await numberingApi.renumber(this.documentId);
    this.apply(() => ({ state: answer }));
    return answer;
  }
}

export function useNumberingStore(documentId: string): NumberingStore {
  const store = useMemo(() => new NumberingStore(documentId), [documentId]);
  useLiveStart(store);
  return store;
}

/** The fixed numbers (null: the numbers follow the order), or null while there is no store. */
export function useFixedNumbers(store: NumberingStore | undefined): FixedNumbers | null {
  return useLiveSelect(store ?? NO_STORE, (snapshot) => snapshot.state?.fixed?.numbers ?? null);
}

/** The numbers of the latest version, for "formerly Article 4". */
export function usePreviousNumbers(store: NumberingStore | undefined): Record<string, ClauseNumber> | null {
  return useLiveSelect(store ?? NO_STORE, (snapshot) => snapshot.state?.previous?.numbers ?? null);
}

const EMPTY = { state: null, status: 'ready', error: null } as const;
const NO_STORE = { subscribe: () => () => undefined, getSnapshot: () => EMPTY };

/** "Article 3 bis", "Section 2", "Article 5 [deleted]" in the interface language. */
export function numberLabel(t: TFunction, number: ClauseNumber): string {
  const key = number.section !== undefined ? 'section' : 'article';
  const base = number.section ?? number.article ?? 0;
  if (number.deleted) return t(`numbering:deleted.${key}`, { number: numberText(base) });
  return t(`workspace:label.${key}`, { number: numberText(base, number.suffix) });
}
