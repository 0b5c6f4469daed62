/**
 * The versions tab: named versions and the redline between them, the signature record, the freeze
 * with what still blocks it, and the edits the freeze turned away. Versions and comparisons open in a
 * dialog wide enough for two languages side by side. Each part is a live store of its own
 * (versions/version-stores.ts): a change of the document's status reads them again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/src/api/documents';
import type { ApprovalsStore } from '../approvals';
import { Modal } from '../approvals/modal';
import { CompareView, FreezePanel, RejectedEdits, SignatureForm, VersionView, VersionsPanel } from '../versions';
import { NumberingControl } from '../numbering/numbering-control';

export interface VersionsTabProps {
  detail: DocumentDetail;
  clauseLabel(clauseId: string): string;
  announce(message: string): void;
  /** The document's approvals: their records and the text are what the freeze blockers derive from. */
  approvals: ApprovalsStore;
}

type Open = { kind: 'version'; id: string } | { kind: 'compare'; from: string; to: string } | null;

export function VersionsTab({ detail, clauseLabel, announce, approvals }: VersionsTabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const documentId = detail.document.id;
  const permissions = new Set(detail.me.permissions);
  return (
    <div className="versions-tab">
      <RejectedEdits documentId={documentId} clauseLabel={clauseLabel} />
      <VersionsPanel
        documentId={documentId}
        mayTakeVersion={permissions.has('version.create')}
        announce={announce}
        onOpen={(id) => setOpen({ kind: 'version', id })}
        onCompare={(from, to) => setOpen({ kind: 'compare', from, to })}
      />
      <NumberingControl documentId={documentId} mayManage={permissions.has('numbering.manage')} announce={announce} />
      {(permissions.has('document.freeze') || detail.document.status !== 'draft') && (
        <>
          <SignatureForm
            documentId={documentId}
            languages={detail.document.languages}
            participants={detail.participants}
            mayEdit={permissions.has('document.freeze')}
            announce={announce}
          />
          <FreezePanel documentId={documentId} mayFreeze={permissions.has('document.freeze')} announce={announce} changes={approvals.subscribe} />
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
