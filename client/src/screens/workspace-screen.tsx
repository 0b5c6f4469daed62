/**
 * The workspace: the agreement clause by clause, one column per document language, edited live.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument, fetchCollabToken } from '../api/documents';
import { Permission, type DocumentDetail } from '../api/types';
import { languageTitle, localized } from '../app/format';
import { Link, paths } from '../app/router';
import { useSession } from '../app/session';
import { CollabSession } from '../collab/collab-session';
import { NEUTRAL_COLOR, PresenceStore } from '../collab/presence';
import { CursorRouter } from '../collab/cursor-router';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { useDocumentChannel } from '../realtime/realtime';
import { numberClauses } from '../../../shared/src/numbering';
import { ClauseList } from '../workspace/clause-list';
import { useClauseItems } from '../workspace/clause-items';
import { clauseLabel } from '../workspace/clause-label';
import { ConnectionBadge, ReadOnlyBadge } from '../workspace/connection-badge';
import { FocusRequests } from '../workspace/focus-requests';
import { PresenceBar } from '../workspace/presence-bar';
import { ViewportWatcher } from '../workspace/viewport';
import { WorkspaceContext, useWorkspace, type WorkspaceContextValue } from '../workspace/workspace-context';
import { ApiError } from '../api/http';

export function WorkspaceScreen({ documentId }: { documentId: string }) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    getDocument(documentId).then(
      (answer) => { if (!cancelled) setDetail(answer); },
      (failure: unknown) => { if (!cancelled) setError(failure); },
    );
    return () => { cancelled = true; };
  }, [documentId, attempt]);

  if (error) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page"><ScreenError error={error} onRetry={() => setAttempt((n) => n + 1)} /></main>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page"><Loading /></main>
      </>
    );
  }
  return <Workspace key={detail.document.id} detail={detail} reload={() => setAttempt((n) => n + 1)} />;
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

  const participant = participants.find((candidate) => candidate.id === me.participantId) ?? null;

  useEffect(() => {
    const collab = new CollabSession({ documentId: doc.id, fetchToken: async (id) => (await fetchCollabToken(id)).token });
    const presence = new PresenceStore(collab.awareness);
    const cursors = new CursorRouter(collab.awareness);
    const viewport = new ViewportWatcher();
    const context: WorkspaceContextValue = {
      collab, presence, cursors, viewport,
      focusRequests: new FocusRequests(),
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
  }, [doc.id]);

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
          <OpenWorkspace detail={detail} title={title} />
          <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
        </WorkspaceContext.Provider>
      ) : (
        <main id="main" className="page"><Loading label={t('workspace:loadingText')} /></main>
      )}
    </>
  );
}

function OpenWorkspace({ detail, title }: { detail: DocumentDetail; title: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { document: doc, me } = detail;
  const context = useWorkspace();
  const { collab } = context;
  const state = useSyncExternalStore(collab.subscribe, collab.getState);
  const items = useClauseItems(collab.ydoc);
  const numbers = useMemo(() => numberClauses(items), [items]);
  const labelOf = useCallback((clauseId: string) => {
    const item = items.find((candidate) => candidate.id === clauseId);
    return item ? clauseLabel(t, item.kind, numbers.get(clauseId)) : '';
  }, [items, numbers, t]);

  useEffect(() => {
    if (state.failure === 'session_ended') session.ended();
  }, [state.failure, session]);

  const permissions = new Set(me.permissions);
  const canEditText = permissions.has(Permission.EditText) && !state.writeDenied;
  const canEditStructure = permissions.has(Permission.EditStructure) && !state.writeDenied;
  const readOnlyReason = !permissions.has(Permission.EditText) ? 'role' : state.writeDenied ? 'server' : null;
  const languages = doc.languages;
  const columns = { ['--text-columns' as string]: String(languages.length) };

  if (state.failure && state.failure !== 'session_ended') {
    const error = state.failure === 'not_found'
      ? new ApiError(404, 'not_found', t('workspace:failure.not_found'))
      : state.failure === 'forbidden'
        ? new ApiError(403, 'forbidden', t('workspace:failure.forbidden'))
        : new ApiError(400, 'rejected', t('workspace:failure.rejected'));
    return <main id="main" className="page"><ScreenError error={error} /></main>;
  }

  return (
    <main id="main" className="workspace" style={columns}>
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
            {permissions.has(Permission.Manage) && (
              <Link href={paths.members(doc.id)} className="button">{t('workspace:manageMembers')}</Link>
            )}
          </div>
        </div>
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
    </main>
  );
}

