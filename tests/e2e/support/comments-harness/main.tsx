/**
 * One clause of a real document with the comment components around it: its editor (ySyncPlugin +
 * commentHighlights + commentKeymap), the gutter badge, the sidebar and the document-wide list.
 * Query: ?doc=<documentId>&clause=<clauseId>&lang=<code>. Sets body[data-ready] once synced and loaded.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPlugin } from 'y-prosemirror';
import { i18n } from '../../../../client/src/app/i18n';
import { fetchMe } from '../../../../client/src/api/auth';
import { setCsrfToken } from '../../../../client/src/api/http';
import { fetchCollabToken, getDocument } from '../../../../client/src/api/documents';
import { listMembers } from '../../../../client/src/api/members';
import type { DocumentDetail, Member } from '../../../../client/src/api/types';
import { RealtimeProvider, useDocumentChannel } from '../../../../client/src/realtime/realtime';
import { CollabSession } from '../../../../client/src/collab/collab-session';
import { clauseFragment } from '../../../../shared/src/yjs-layout';
import { schema } from '../../../../shared/src/schema';
import {
  CommentList, ThreadCountBadge, ThreadSidebar, commentHighlights, commentKeymap, highlightSource, useComments, type CommentDraft, type CommentsViewer,
} from '../../../../client/src/comments';
import 'prosemirror-view/style/prosemirror.css';
import '../../../../client/src/styles/base.css';
import '../../../../client/src/styles/forms.css';

const params = new URLSearchParams(window.location.search);
const documentId = params.get('doc') ?? '';
const clauseId = params.get('clause') ?? '';
const language = params.get('lang') ?? 'en';
const ignore = () => undefined;

function Harness({ detail, members, userId }: { detail: DocumentDetail; members: Member[]; userId: string }) {
  useDocumentChannel(documentId);
  const comments = useComments(documentId);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [session] = useState(() => new CollabSession({ documentId, fetchToken: async (id) => (await fetchCollabToken(id)).token }));
  const collab = useSyncExternalStore(session.subscribe, session.getState);
  const place = useRef<HTMLDivElement>(null);
  const viewer: CommentsViewer = { userId, permissions: detail.me.permissions, role: detail.me.role, participantId: detail.me.participantId };

  useEffect(() => { session.start(); return () => session.destroy(); }, [session]);

  useEffect(() => {
    if (!collab.synced || !place.current) return;
    const fragment = clauseFragment(session.ydoc, clauseId, language);
    const source = highlightSource(comments.store, clauseId, language);
    const view = new EditorView(place.current, {
      state: EditorState.create({
        schema,
        plugins: [
          ySyncPlugin(fragment),
          commentHighlights(fragment, session.ydoc, source.getThreads, source.subscribe),
          commentKeymap(clauseId, language, fragment, (clause, lang, _from, _to, selection) =>
            setDraft({ clauseId: clause, language: selection.anchor ? lang : null, anchor: selection.anchor, quote: selection.quote })),
        ],
      }),
      editable: () => detail.me.permissions.includes('document.edit_text'),
      attributes: { class: 'clause-text', role: 'textbox', 'aria-label': 'Clause text', tabindex: '0' },
    });
    return () => view.destroy();
  }, [collab.synced, session, comments.store, detail]);

  useEffect(() => {
    if (collab.synced && comments.status === 'ready') document.body.dataset.ready = 'true';
  }, [collab.synced, comments.status]);

  const label = 'Article 3';
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 24rem', gap: '1rem', padding: '1rem' }}>
      <div>
        <ThreadCountBadge count={comments.openCounts.get(clauseId) ?? 0} label={label} showWhenEmpty onClick={() => undefined} />
        <div ref={place} className="harness-editor" lang={language} />
        <CommentList comments={comments} viewer={viewer} participants={detail.participants} languages={detail.document.languages}
          clauseLabel={(id) => (id === clauseId ? label : 'Another clause')} onOpenThread={(thread) => setActive(thread.id)}
          initialFilters={{ status: 'all' }} />
      </div>
      <ThreadSidebar comments={comments} viewer={viewer} participants={detail.participants} clauseId={clauseId} clauseLabel={label}
        members={members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, participantId: m.participantId }))}
        draft={draft} onDraftDone={() => setDraft(null)} activeThreadId={active} onActivateThread={setActive} />
    </div>
  );
}

async function main(): Promise<void> {
  const me = await fetchMe();
  setCsrfToken(me.csrfToken);
  await i18n.changeLanguage(me.user.uiLanguage);
  const [detail, { members }] = await Promise.all([getDocument(documentId), listMembers(documentId)]);
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <RealtimeProvider active onSessionEnded={ignore}>
        <Harness detail={detail} members={members} userId={me.user.id} />
      </RealtimeProvider>
    </I18nextProvider>,
  );
}

void main();
