/**
 * The workspace: the agreement clause by clause, one column per document language, edited live.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument, fetchCollabToken } from '../api/documents';
import type { DocumentDetail } from '../../../shared/src/api/documents';
import { languageTitle, localized } from '../app/format';
import { Link, paths } from '../app/router';
import { useSession } from '../app/session';
import { CollabSession } from '../collab/collab-session';
import { NEUTRAL_COLOR, PresenceStore } from '../collab/presence';
import { CursorRouter } from '../collab/cursor-router';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { useDocumentChannel, useRealtimeSocket } from '../realtime/realtime';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { SocketEvent } from '../../../shared/src/protocol';
import { listMembers } from '../api/members';
import { useApprovalsStore, ApprovalMatrix, type ApprovalPermissions } from '../approvals';
import {
  CommentList,
  ThreadSidebar,
  commentHighlights,
  commentKeymap,
  highlightSource,
  useCommentsStore,
  type CommentDraft,
  type CommentsStore,
  type CommentsViewer,
  type MemberForMentions,
} from '../comments';
import { ActivityFeed } from '../versions';
import { FeaturesContext, type PanelTab, type WorkspaceFeatures } from '../workspace/features-context';
import { SidePanel } from '../workspace/side-panel';
import { VersionsTab } from '../workspace/versions-tab';
import { usePanelPreference, type PanelPreference } from '../workspace/panel-preference';
import { ClauseList } from '../workspace/clause-list';
import { useClauseItems } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { ConnectionBadge, ReadOnlyBadge } from '../workspace/connection-badge';
import { FocusRequests } from '../workspace/focus-requests';
import { PresenceBar } from '../workspace/presence-bar';
import { ViewportWatcher } from '../workspace/viewport';
import { SelectedClause, useSelectedClause } from '../workspace/selected-clause';
import { WorkspaceContext, useWorkspace, type WorkspaceContextValue } from '../workspace/workspace-context';
import { ApiError } from '../api/http';

export function WorkspaceScreen({ documentId }: { documentId: string }) {
  // What I may do here: read when the screen opens, and again when my access or the document's status
  // changes (the events below) — not after every reconnection: a read that failed then would close the text.
  const store = useMemo(() => resource(() => getDocument(documentId), { reconnect: false }), [documentId]);
  const { value: detail, error } = useLive(store);

  if (error) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <ScreenError error={error} onRetry={() => void store.reload()} />
        </main>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <Loading />
        </main>
      </>
    );
  }
  return <Workspace key={detail.document.id} detail={detail} reload={store.reload} />;
}

function Workspace({ detail, reload }: { detail: DocumentDetail; reload: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { document: doc, participants, me } = detail;
  const [open, setOpen] = useState<WorkspaceContextValue | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announceRef = useRef(setAnnouncement);
  // My role changed or my membership was removed: the server's answer decides what I may do now.
  useDocumentChannel(doc.id, reload);
  useStatusChanges(doc.id, reload);
  const comments = useCommentsStore(doc.id);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [panel, setPanel] = usePanelPreference();
  const [selectedClause] = useState(() => new SelectedClause());

  const participant = participants.find((candidate) => candidate.id === me.participantId) ?? null;

  useEffect(() => {
    const collab = new CollabSession({ documentId: doc.id, fetchToken: async (id) => (await fetchCollabToken(id)).token });
    const presence = new PresenceStore(collab.awareness);
    const cursors = new CursorRouter(collab.awareness);
    const viewport = new ViewportWatcher();
    const context: WorkspaceContextValue = {
      collab,
      presence,
      cursors,
      viewport,
      focusRequests: new FocusRequests(),
      editorPlugins: (clauseId, language, fragment) => {
        const source = highlightSource(comments, clauseId, language);
        return [
          commentHighlights(fragment, collab.ydoc, source.getThreads, source.subscribe),
          // Ctrl+Alt+M: a new thread on the selected words (or the whole clause): that clause's comments, with the form open.
          commentKeymap(clauseId, language, fragment, (clause, lang, _from, _to, selection) => {
            setDraft({ clauseId: clause, language: selection.anchor ? lang : null, anchor: selection.anchor, quote: selection.quote });
            selectedClause.set(clause);
            setPanel({ open: true, tab: 'comments' });
          }),
        ];
      },
      announce: (message) => {
        // Clear first so repeating the same sentence is announced again.
        announceRef.current('');
        requestAnimationFrame(() => announceRef.current(message));
      },
    };
    collab.start();
    setOpen(context);
    return () => {
      viewport.disconnect();
      cursors.destroy();
      presence.destroy();
      collab.destroy();
      setOpen(null);
    };
  }, [doc.id, comments, setPanel, selectedClause]);

  const user = session.user;
  useEffect(() => {
    if (!open || !user) return;
    open.presence.setUser({
      id: user.id,
      name: user.displayName,
      color: participant?.color ?? NEUTRAL_COLOR,
      participant: participant?.code ?? null,
      role: me.role,
    });
  }, [open, user, participant, me.role]);

  const headerRole = { role: me.role, participantCode: participant?.code ?? null };
  const title = localized(doc.title);

  return (
    <>
      <AppHeader documentRole={headerRole} />
      {open ? (
        <WorkspaceContext.Provider value={open}>
          <OpenWorkspace
            detail={detail}
            title={title}
            comments={comments}
            draft={draft}
            onDraftDone={() => setDraft(null)}
            panel={panel}
            setPanel={setPanel}
            selectedClause={selectedClause}
          />
          <div className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </div>
        </WorkspaceContext.Provider>
      ) : (
        <main id="main" className="page">
          <Loading label={t('workspace:loadingText')} />
        </main>
      )}
    </>
  );
}

interface OpenWorkspaceProps {
  detail: DocumentDetail;
  title: string;
  comments: CommentsStore;
  draft: CommentDraft | null;
  onDraftDone(): void;
  panel: PanelPreference;
  setPanel(change: Partial<PanelPreference>): void;
  /** The clause the comments panel is about (the last one focused). */
  selectedClause: SelectedClause;
}

function OpenWorkspace({ detail, title, comments, draft, onDraftDone, panel, setPanel, selectedClause }: OpenWorkspaceProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { document: doc, me, participants } = detail;
  const context = useWorkspace();
  const { collab, announce } = context;
  // Kept live here, read by the parts: each clause's gutter its own row, the panels the whole.
  const approvals = useApprovalsStore(doc.id, collab.ydoc);
  const members = useMentionableMembers(doc.id);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const selectedClauseId = useSelectedClause(selectedClause);
  const setSelectedClauseId = selectedClause.set;
  const state = useSyncExternalStore(collab.subscribe, collab.getState);
  const items = useClauseItems(collab.ydoc);
  const labels = useMemo(() => clauseLabels(t, items), [items, t]);
  const labelOf = useCallback((clauseId: string) => labels.get(clauseId) ?? '', [labels]);

  useEffect(() => {
    if (state.failure === 'session_ended') session.ended();
  }, [state.failure, session]);

  const showComments = useCallback(
    (clauseId: string) => {
      setSelectedClauseId(clauseId);
      setPanel({ open: true, tab: 'comments' });
    },
    [setPanel, setSelectedClauseId],
  );

  const approvalMe: ApprovalPermissions = useMemo(
    () => ({
      participantId: me.participantId,
      canApprove: me.permissions.includes('clause.approve'),
      canConfirmConcordance: me.permissions.includes('concordance.confirm'),
    }),
    [me],
  );
  const viewer: CommentsViewer = useMemo(
    () => ({
      userId: session.user?.id ?? '',
      permissions: me.permissions,
      role: me.role,
      participantId: me.participantId,
    }),
    [session.user?.id, me],
  );
  const features: WorkspaceFeatures = useMemo(
    () => ({
      approvals,
      approvalMe,
      comments,
      selection: selectedClause,
      showComments,
      announce,
    }),
    [approvals, approvalMe, comments, selectedClause, showComments, announce],
  );

  /** The clause a person works in is the one the comments panel follows. */
  function followFocus(event: FocusEvent<HTMLDivElement>) {
    const clauseId = (event.target as HTMLElement).closest<HTMLElement>('[data-clause-id]')?.dataset.clauseId;
    if (clauseId && clauseId !== selectedClauseId) setSelectedClauseId(clauseId);
  }

  function renderTab(tab: PanelTab) {
    switch (tab) {
      case 'comments':
        return (
          <>
            <ThreadSidebar
              store={comments}
              viewer={viewer}
              participants={participants}
              clauseId={selectedClauseId}
              clauseLabel={selectedClauseId ? labelOf(selectedClauseId) : ''}
              members={members}
              draft={draft}
              onDraftDone={onDraftDone}
              activeThreadId={activeThreadId}
              onActivateThread={setActiveThreadId}
              frozen={doc.status !== 'draft'}
            />
            <CommentList
              store={comments}
              viewer={viewer}
              participants={participants}
              languages={doc.languages}
              clauseLabel={labelOf}
              onOpenThread={(thread) => {
                setSelectedClauseId(thread.clauseId);
                setActiveThreadId(thread.id);
                context.focusRequests.request(thread.clauseId, thread.language ?? doc.languages[0]);
              }}
            />
          </>
        );
      case 'approvals':
        return <ApprovalMatrix store={approvals} me={approvalMe} announce={announce} />;
      case 'versions':
        return <VersionsTab detail={detail} clauseLabel={labelOf} announce={announce} approvals={approvals} />;
      case 'activity':
        return <ActivityFeed documentId={doc.id} clauseLabel={labelOf} participants={participants} />;
    }
  }

  const permissions = new Set(me.permissions);
  const canEditText = permissions.has('document.edit_text') && !state.writeDenied;
  const canEditStructure = permissions.has('document.edit_structure') && !state.writeDenied;
  const readOnlyReason = !permissions.has('document.edit_text') ? 'role' : state.writeDenied ? 'server' : null;
  const languages = doc.languages;
  const columns = { ['--text-columns' as string]: String(languages.length) };

  if (state.failure && state.failure !== 'session_ended') {
    const error =
      state.failure === 'not_found'
        ? new ApiError(404, 'not_found', t('workspace:failure.not_found'))
        : state.failure === 'forbidden'
          ? new ApiError(403, 'forbidden', t('workspace:failure.forbidden'))
          : new ApiError(400, 'rejected', t('workspace:failure.rejected'));
    return (
      <main id="main" className="page">
        <ScreenError error={error} />
      </main>
    );
  }

  return (
    <FeaturesContext.Provider value={features}>
      <main id="main" className={`workspace${panel.open ? ' with-panel' : ''}`} style={columns}>
        <div className="workspace-main" onFocusCapture={followFocus}>
          <div className="workspace-top">
            <div className="document-bar">
              <div className="document-heading">
                <h1 className="document-title">{title}</h1>
                <span className={`status-chip status-${doc.status}`}>{t(`common:status.${doc.status}`, { defaultValue: doc.status })}</span>
              </div>
              <div className="document-tools">
                <ConnectionBadge state={state} />
                {readOnlyReason && <ReadOnlyBadge reason={readOnlyReason} />}
                <PresenceBar labelOf={labelOf} />
                {permissions.has('document.import') && doc.status === 'draft' && (
                  <Link href={paths.import(doc.id)} className="button">
                    {t('workspace:importDrafts')}
                  </Link>
                )}
                {permissions.has('document.manage') && (
                  <Link href={paths.members(doc.id)} className="button">
                    {t('workspace:manageMembers')}
                  </Link>
                )}
                {!panel.open && (
                  <button type="button" className="button" onClick={() => setPanel({ open: true })}>
                    {t('workspace:panel.show')}
                  </button>
                )}
              </div>
            </div>
            {doc.status === 'frozen' && (
              <p className="frozen-banner" role="status">
                {t('workspace:frozenBanner')} <Link href={paths.signed(doc.id)}>{t('workspace:signedVersionLink')}</Link>
              </p>
            )}
            <div className="column-headers" aria-hidden="true">
              <div className="column-header column-header-clause">{t('workspace:columns.clause')}</div>
              {languages.map((language) => (
                <div key={language} className="column-header">
                  {languageTitle(language)}
                </div>
              ))}
            </div>
          </div>
          {state.synced || items.length > 0 ? (
            <ClauseList languages={languages} canEditText={canEditText} canEditStructure={canEditStructure} />
          ) : (
            <Loading label={state.status === 'offline' ? t('workspace:offlineBeforeSync') : t('workspace:loadingText')} />
          )}
        </div>
        {panel.open && <SidePanel tab={panel.tab} onTab={(tab) => setPanel({ tab })} onHide={() => setPanel({ open: false })} render={renderTab} />}
      </main>
    </FeaturesContext.Provider>
  );
}

/** The document's status changed (frozen, archived): read what I may do again (each panel's store reads itself again). */
function useStatusChanges(documentId: string, reload: () => void): void {
  const socket = useRealtimeSocket();
  useEffect(() => {
    if (!socket) return;
    const changed = (payload: { documentId?: unknown }) => {
      if (payload?.documentId === documentId) reload();
    };
    socket.on(SocketEvent.DocumentStatusChanged, changed);
    return () => {
      socket.off(SocketEvent.DocumentStatusChanged, changed);
    };
  }, [socket, documentId, reload]);
}

/** Members whose names can be mentioned in comments; none if the list cannot be read. */
function useMentionableMembers(documentId: string): MemberForMentions[] {
  const [members, setMembers] = useState<MemberForMentions[]>([]);
  useEffect(() => {
    let cancelled = false;
    listMembers(documentId).then(
      ({ members: list }) => {
        if (!cancelled) setMembers(list.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, participantId: m.participantId })));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [documentId]);
  return members;
}
