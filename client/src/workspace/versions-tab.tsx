/**
 * The versions tab: named versions and the redline between them, the signature record, the freeze
 * with what still blocks it, and the edits the freeze turned away. Versions and comparisons open in a
 * dialog wide enough for two languages side by side.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../api/types';
import { Modal } from '../approvals/modal';
import { CompareView, FreezePanel, RejectedEdits, SignatureForm, VersionView, VersionsPanel } from '../versions';

export interface VersionsTabProps {
  detail: DocumentDetail;
  clauseLabel(clauseId: string): string;
  announce(message: string): void;
  /** Bumped when the document's status changes, so that every part reloads. */
  round: number;
  /** Changes with the text and the approvals and confirmations in force: the freeze blockers are read again. */
  revision?: unknown;
}

type Open = { kind: 'version'; id: string } | { kind: 'compare'; from: string; to: string } | null;

export function VersionsTab({ detail, clauseLabel, announce, round, revision }: VersionsTabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [localRound, setLocalRound] = useState(0);
  const documentId = detail.document.id;
  const permissions = new Set(detail.me.permissions);
  const key = `${round}:${localRound}`;
  return (
    <div className="versions-tab">
      <RejectedEdits key={`rejected-${key}`} documentId={documentId} clauseLabel={clauseLabel} />
      <VersionsPanel key={`versions-${key}`} documentId={documentId} mayTakeVersion={permissions.has('version.create')} announce={announce}
        onOpen={(id) => setOpen({ kind: 'version', id })} onCompare={(from, to) => setOpen({ kind: 'compare', from, to })} />
      {(permissions.has('document.freeze') || detail.document.status !== 'draft') && (
        <>
          <SignatureForm key={`signature-${key}`} documentId={documentId} languages={detail.document.languages} participants={detail.participants}
            mayEdit={permissions.has('document.freeze')} announce={announce} />
          <FreezePanel key={`freeze-${key}`} documentId={documentId} mayFreeze={permissions.has('document.freeze')} announce={announce}
            revision={revision} onFrozen={() => setLocalRound((n) => n + 1)} />
        </>
      )}
      {open?.kind === 'version' && (
        <Modal title={t('workspace:panel.versionTitle')} onClose={() => setOpen(null)} className="wide-modal">
          <VersionView documentId={documentId} versionId={open.id} />
        </Modal>
      )}
      {open?.kind === 'compare' && (
        <Modal title={t('workspace:panel.compareTitle')} onClose={() => setOpen(null)} className="wide-modal">
          <CompareView documentId={documentId} from={open.from} to={open.to} />
        </Modal>
      )}
    </div>
  );
}
