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
import { useDocumentChannel } from '../realtime/realtime';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { useApprovalsStore, type ApprovalPermissions } from '../approvals';
import { commentHighlights, commentKeymap, highlightSource, useCommentsStore, type CommentDraft, type CommentsStore } from '../comments';
import { useMentionableMembers } from '../comments/use-mentionable-members';
import { useDocumentChanges } from '../workspace/use-document-changes';
import { useToasts } from '../components/toasts';
import { ProposalEditing, ProposalStyles, ProposalToolbar, ReopenDialog, proposeRules, proposing, useProposalsStore, type ProposalsStore } from '../proposals';
import { FeaturesContext, type WorkspaceFeatures } from '../workspace/features-context';
import { usePackagesStore } from '../packages/use-packages';
import { useNumberingStore, useFixedNumbers } from '../numbering/numbering-store';
import { WorkspacePanel } from '../workspace/workspace-panel';
import { usePanelPreference, type PanelPreference } from '../workspace/panel-preference';
import { ClauseList } from '../workspace/clause-list';
import { useClauseItems } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { DocumentBar } from '../workspace/document-bar';
import { FocusRequests } from '../workspace/focus-requests';
import { ViewportWatcher } from '../workspace/viewport';
import { SelectedClause, useSelectedClause } from '../workspace/selected-clause';
import { WorkspaceContext, useWorkspace, type WorkspaceContextValue } from '../workspace/workspace-context';
import { ApiError } from '../api/http';
import { ClauseColumnHeader } from '../navigation/clause-column-header';
import { EditingBar, editingPlugins } from '../editing';

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
  useDocumentChanges(doc.id, reload);
  const comments = useCommentsStore(doc.id, session.user?.id ?? null);
  const proposals = useProposalsStore(doc.id);
  const toasts = useToasts();
  const editingContext = { participantId: me.participantId, participants, phase: doc.phase, t, toast: toasts.show };
  const [editing] = useState(() => new ProposalEditing(proposals, editingContext));
  // Read by the editors at each edit, without reopening the session when it changes.
  useEffect(() => {
    editing.follow(editingContext);
  });
  const propose = editing.propose;
  useEffect(() => propose.update(proposeRules(new Set(me.permissions))), [me.permissions, propose]);
  // A refused update leaves the Y.Doc with a change the server will never have: a new session starts from the server's text.
  const [generation, setGeneration] = useState(0);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [panel, setPanel] = usePanelPreference();
  const [selectedClause] = useState(() => new SelectedClause());

  const participant = participants.find((candidate) => candidate.id === me.participantId) ?? null;
  // Whose browser keeps a copy of the text (someone who may write a draft), read when a session opens.
  const keepLocalRef = useRef<{ userId: string } | null>(null);
  const writesDraft = doc.status === 'draft' && (me.permissions.includes('document.edit_text') || me.permissions.includes('proposal.create'));
  const keepLocalFor = writesDraft ? (session.user?.id ?? null) : null;
  useEffect(() => {
    keepLocalRef.current = keepLocalFor ? { userId: keepLocalFor } : null;
  }, [keepLocalFor]);

  useEffect(() => {
    const collab = new CollabSession({
      documentId: doc.id,
      fetchToken: async (id) => (await fetchCollabToken(id)).token,
      keepLocal: keepLocalRef.current,
    });
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
          // The formatting toolbar's target and the search highlights (client/src/editing).
          ...editingPlugins(collab.ydoc, clauseId, language),
          ...editing.plugins(clauseId),
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
    const unsubscribe = collab.subscribe(() => {
      const reason = collab.getState().refused;
      if (!reason) return;
      unsubscribe();
      editing.refused(reason);
      // The browser's copy holds the refused change too: forget it before the new session loads it.
      void collab.discardLocalCopy().finally(() => setGeneration((current) => current + 1));
    });
    collab.start();
    setOpen(context);
    return () => {
      unsubscribe();
      viewport.disconnect();
      cursors.destroy();
      presence.destroy();
      collab.destroy();
      setOpen(null);
    };
  }, [doc.id, comments, editing, setPanel, selectedClause, generation]);

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
            proposals={proposals}
            editing={editing}
            reload={reload}
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
  proposals: ProposalsStore;
  editing: ProposalEditing;
  reload(): void;
  draft: CommentDraft | null;
  onDraftDone(): void;
  panel: PanelPreference;
  setPanel(change: Partial<PanelPreference>): void;
  /** The clause the comments panel is about (the last one focused). */
  selectedClause: SelectedClause;
}

function OpenWorkspace({ detail, title, comments, proposals, editing, reload, draft, onDraftDone, panel, setPanel, selectedClause }: OpenWorkspaceProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { document: doc, me, participants } = detail;
  const context = useWorkspace();
  const { collab, announce } = context;
  // Kept live here, read by the parts: each clause's gutter its own row, the panels the whole.
  const approvals = useApprovalsStore(doc.id, collab.ydoc);
  const packages = usePackagesStore(doc.id);
  const numbering = useNumberingStore(doc.id);
  useEffect(() => {
    editing.reopen.follow(approvals);
  }, [editing, approvals]);
  const members = useMentionableMembers(doc.id);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [activeProposalId, setActiveProposalId] = useState<string | null>(null);
  const propose = editing.propose;
  const proposeState = useSyncExternalStore(propose.subscribe, propose.getSnapshot);
  const selectedClauseId = useSelectedClause(selectedClause);
  const setSelectedClauseId = selectedClause.set;
  const state = useSyncExternalStore(collab.subscribe, collab.getState);
  const items = useClauseItems(collab.ydoc);
  const fixedNumbers = useFixedNumbers(numbering);
  const labels = useMemo(() => clauseLabels(t, items, fixedNumbers), [items, t, fixedNumbers]);
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

  const showProposals = useCallback(
    (clauseId: string, proposalId: string | null) => {
      setSelectedClauseId(clauseId);
      setActiveProposalId(proposalId);
      setPanel({ open: true, tab: 'proposals' });
    },
    [setPanel, setSelectedClauseId],
  );

  const approvalMe: ApprovalPermissions = useMemo(
    () => ({
      participantId: me.participantId,
      canApprove: me.permissions.includes('clause.approve'),
      canConfirmForCapital: me.permissions.includes('approval.confirm_for_capital'),
      canConfirmConcordance: me.permissions.includes('concordance.confirm'),
    }),
    [me],
  );
  const features: WorkspaceFeatures = useMemo(
    () => ({
      approvals,
      approvalMe,
      comments,
      proposals,
      packages,
      numbering,
      participants,
      selection: selectedClause,
      showComments,
      showProposals,
      announce,
    }),
    [approvals, approvalMe, comments, proposals, packages, numbering, participants, selectedClause, showComments, showProposals, announce],
  );

  /** The clause a person works in is the one the comments panel follows. */
  function followFocus(event: FocusEvent<HTMLDivElement>) {
    const clauseId = (event.target as HTMLElement).closest<HTMLElement>('[data-clause-id]')?.dataset.clauseId;
    if (clauseId && clauseId !== selectedClauseId) setSelectedClauseId(clauseId);
  }

  const permissions = new Set(me.permissions);
  // In propose mode a delegate writes proposals; every view but the inline one is for reading.
  const mayWrite = permissions.has('document.edit_text') || permissions.has('proposal.create');
  const canEditText = mayWrite && !state.writeDenied && proposeState.view === 'inline';
  const canEditStructure = permissions.has('document.edit_structure') && !state.writeDenied && !proposing(proposeState);
  const readOnlyReason = !mayWrite ? 'role' : state.writeDenied ? 'server' : null;
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
      <ProposalStyles store={proposals} participants={participants} />
      <main id="main" className={`workspace proposal-view-${proposeState.view}${panel.open ? ' with-panel' : ''}`} style={columns}>
        <div className="workspace-main" onFocusCapture={followFocus}>
          <div className="workspace-top">
            <DocumentBar
              doc={doc}
              title={title}
              permissions={permissions}
              state={state}
              readOnlyReason={readOnlyReason}
              labelOf={labelOf}
              panelOpen={panel.open}
              onShowPanel={() => setPanel({ open: true })}
              onPhaseSwitched={(phase) => {
                announce(t('proposals:phase.changed', { phase: t(`proposals:phase.inSentence.${phase}`) }));
                reload();
              }}
            />
            <EditingBar languages={languages} canEditText={canEditText} propose={propose} />
            <ProposalToolbar propose={propose} />
            <ReopenDialog requests={editing.reopen} labelOf={labelOf} canPropose={proposeState.canPropose} />
            {doc.status === 'frozen' && (
              <p className="frozen-banner" role="status">
                {t('workspace:frozenBanner')} <Link href={paths.signed(doc.id)}>{t('workspace:signedVersionLink')}</Link>
              </p>
            )}
            <div className="column-headers">
              <ClauseColumnHeader languages={languages} />
              {languages.map((language) => (
                <div key={language} className="column-header" aria-hidden="true">
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
        {panel.open && (
          <WorkspacePanel
            detail={detail}
            tab={panel.tab}
            setPanel={setPanel}
            selectedClauseId={selectedClauseId}
            onSelectClause={setSelectedClauseId}
            labelOf={labelOf}
            members={members}
            draft={draft}
            onDraftDone={onDraftDone}
            activeThreadId={activeThreadId}
            onActivateThread={setActiveThreadId}
            activeProposalId={activeProposalId}
          />
        )}
      </main>
    </FeaturesContext.Provider>
  );
}
