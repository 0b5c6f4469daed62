/** The printable agreement of the open document, following the browser's printing while mounted. */
import { useCallback, useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { DocumentJSON } from '../../../shared/src/api/documents';
import type { Participant } from '../../../shared/src/api/participants';
import type { ProposalsStore } from '../proposals/proposals-store';
import type { NumberingStore } from '../numbering/numbering-store';
import { formatDateTime, localized } from '../app/format';
import { uiLanguage } from '../app/i18n';
import { useFeatures } from '../workspace/features-context';
import { useWorkspace } from '../workspace/workspace-context';
import { buildPrintDocument, type PrintSponsor } from './print-document';
import { PrintView } from './print-view';

/** Returns what the Print button calls. */
export function usePrintView(doc: DocumentJSON): () => void {
  const { t } = useTranslation();
  const { collab } = useWorkspace();
  const { proposals, participants, numbering } = useFeatures();
  // Read when printing starts, so the view always has the latest title, status, names and language.
  const latest = useRef({ doc, t, proposals, participants, ydoc: collab.ydoc, numbering });
  useEffect(() => {
    latest.current = { doc, t, proposals, participants, ydoc: collab.ydoc, numbering };
  });
  const view = useRef<PrintView | null>(null);
  useEffect(() => {
    const printable = new PrintView(() => printDocument(latest.current));
    view.current = printable;
    const detach = printable.attach();
    return () => {
      detach();
      view.current = null;
    };
  }, []);
  return useCallback(() => view.current?.print(), []);
}

interface Latest {
  doc: DocumentJSON;
  t: TFunction;
  proposals: ProposalsStore;
  participants: readonly Participant[];
  ydoc: Y.Doc;
  numbering?: NumberingStore;
}

function printDocument({ doc, t, proposals, participants, ydoc, numbering }: Latest): HTMLElement {
  const sponsorOf = (proposalId: string): PrintSponsor | null => {
    const sponsorId = proposals.get(proposalId)?.sponsorParticipantId;
    const sponsor = sponsorId ? participants.find((participant) => participant.id === sponsorId) : undefined;
    return sponsor ? { code: sponsor.code, name: localized(sponsor.name), color: sponsor.color } : null;
  };
  return buildPrintDocument({
    ydoc,
    languages: doc.languages,
    title: doc.title,
    status: doc.status,
    sponsorOf,
    t,
    printedAt: formatDateTime(new Date()),
    uiLanguage: uiLanguage(),
    fixedNumbers: numbering?.getSnapshot().state?.fixed?.numbers ?? null,
  });
}
