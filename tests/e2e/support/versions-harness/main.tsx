/**
 * The version components around a real document: versions and compare, freeze with its blockers, the
 * signature record, the signed text with its exports, verification, the activity feed and the edits
 * not applied. Query: ?doc=<documentId>&view=<workspace|verify>&lang=<en|es> (default: the person's). Sets body[data-ready] once loaded.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../../client/src/app/i18n';
import { fetchMe } from '../../../../client/src/api/auth';
import { setCsrfToken } from '../../../../client/src/api/http';
import { getDocument } from '../../../../client/src/api/documents';
import type { DocumentDetail } from '../../../../client/src/api/types';
import {
  ActivityFeed, CompareView, FreezePanel, RejectedEdits, SignatureForm, SignedVersionPage, VerifyPage, VersionsPanel, VersionView,
} from '../../../../client/src/versions';
import '../../../../client/src/styles/base.css';
import '../../../../client/src/styles/forms.css';
import '../../../../client/src/styles/workspace.css';

const params = new URLSearchParams(window.location.search);
const documentId = params.get('doc') ?? '';

function Workspace({ detail }: { detail: DocumentDetail }) {
  const [open, setOpen] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const [round, setRound] = useState(0);
  const [announced, setAnnounced] = useState('');
  const permissions = new Set(detail.me.permissions);
  useEffect(() => { document.body.dataset.ready = 'true'; }, []);
  return (
    <main style={{ padding: '1rem', maxWidth: '70rem' }}>
      <p className="harness-announcement" role="status">{announced}</p>
      <RejectedEdits documentId={documentId} />
      <VersionsPanel key={`versions-${round}`} documentId={documentId} mayTakeVersion={permissions.has('version.create')} announce={setAnnounced}
        onOpen={(id) => { setOpen(id); setCompare(null); }} onCompare={(from, to) => { setCompare({ from, to }); setOpen(null); }} />
      {open && <VersionView documentId={documentId} versionId={open} onBack={() => setOpen(null)} />}
      {compare && <CompareView key={`${compare.from}:${compare.to}`} documentId={documentId} from={compare.from} to={compare.to} />}
      <SignatureForm documentId={documentId} languages={detail.document.languages} participants={detail.participants}
        mayEdit={permissions.has('document.freeze')} announce={setAnnounced} />
      <FreezePanel key={`freeze-${round}`} documentId={documentId} mayFreeze={permissions.has('document.freeze')} announce={setAnnounced} onFrozen={() => setRound((n) => n + 1)} />
      <SignedVersionPage key={`signed-${round}`} documentId={documentId} />
      <ActivityFeed key={`activity-${round}`} documentId={documentId} participants={detail.participants} />
    </main>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  if (params.get('view') === 'verify') {
    await i18n.changeLanguage(params.get('lang') ?? 'en');
    root.render(<I18nextProvider i18n={i18n}><main style={{ padding: '1rem' }}><VerifyPage /></main></I18nextProvider>);
    document.body.dataset.ready = 'true';
    return;
  }
  const me = await fetchMe();
  setCsrfToken(me.csrfToken);
  await i18n.changeLanguage(params.get('lang') ?? me.user.uiLanguage);
  const detail = await getDocument(documentId);
  root.render(<I18nextProvider i18n={i18n}><Workspace detail={detail} /></I18nextProvider>);
}

void main();
