/**
 * The approval components around a real document: the badges of one clause and the whole matrix, fed by
 * useApprovals on the document's live Y.Doc. Query: ?doc=<documentId>&clause=<clauseId>.
 * Sets body[data-ready] once the document is synced and the approvals are loaded.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../../client/src/app/i18n';
import { fetchMe } from '../../../../client/src/api/auth';
import { setCsrfToken } from '../../../../client/src/api/http';
import { fetchCollabToken, getDocument } from '../../../../client/src/api/documents';
import type { DocumentDetail } from '../../../../client/src/api/types';
import { RealtimeProvider, useDocumentChannel } from '../../../../client/src/realtime/realtime';
import { CollabSession } from '../../../../client/src/collab/collab-session';
import { ApprovalMatrix, ClauseBadges, useApprovals, type ApprovalPermissions } from '../../../../client/src/approvals';
import '../../../../client/src/styles/base.css';
import '../../../../client/src/styles/forms.css';
import '../../../../client/src/styles/workspace.css';

const params = new URLSearchParams(window.location.search);
const documentId = params.get('doc') ?? '';
const clauseId = params.get('clause') ?? '';
const ignore = () => undefined;

function Harness({ detail, session }: { detail: DocumentDetail; session: CollabSession }) {
  useDocumentChannel(documentId);
  const collab = useSyncExternalStore(session.subscribe, session.getState);
  const approvals = useApprovals(documentId, session.ydoc);
  const [announced, setAnnounced] = useState('');
  const me: ApprovalPermissions = {
    participantId: detail.me.participantId,
    canApprove: detail.me.permissions.includes('clause.approve'),
    canConfirmConcordance: detail.me.permissions.includes('concordance.confirm'),
  };

  useEffect(() => {
    if (collab.synced && approvals.status === 'ready') document.body.dataset.ready = 'true';
  }, [collab.synced, approvals.status]);

  return (
    <main style={{ padding: '1rem' }}>
      <div className="harness-clause" data-clause={clauseId}>
        <ClauseBadges clauseId={clauseId} ydoc={session.ydoc} approvals={approvals} label="Article 3" me={me} announce={setAnnounced} />
      </div>
      <p className="harness-announcement" role="status">{announced}</p>
      <ApprovalMatrix approvals={approvals} me={me} announce={setAnnounced} />
    </main>
  );
}

function Root({ detail }: { detail: DocumentDetail }) {
  const [session] = useState(() => new CollabSession({ documentId, fetchToken: async (id) => (await fetchCollabToken(id)).token }));
  useEffect(() => { session.start(); return () => session.destroy(); }, [session]);
  return <Harness detail={detail} session={session} />;
}

async function main(): Promise<void> {
  const me = await fetchMe();
  setCsrfToken(me.csrfToken);
  await i18n.changeLanguage(me.user.uiLanguage);
  const detail = await getDocument(documentId);
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <RealtimeProvider active onSessionEnded={ignore}>
        <Root detail={detail} />
      </RealtimeProvider>
    </I18nextProvider>,
  );
}

void main();
