/**
 * Who is signed in. The session itself is the server's cookie; the client keeps the user, the CSRF
 * token, and applies the person's interface language as soon as it knows them.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login, logout, updateMe } from '../api/auth';
import { ApiError, onUnauthenticated, setCsrfToken } from '../api/http';
import type { SessionAnswer, User } from '../../../shared/src/api/users';
import type { SecondFactorPending } from '../../../shared/src/api/second-factors';
import { i18n, isUiLanguage, type UiLanguage } from './i18n';
import { documentsWithUnsavedChanges } from '../collab/collab-session';
import { deleteLocalCopies } from '../collab/local-copy';
import { deleteCommentOutboxes, queuedCommentCount } from '../comments/comment-outbox';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signedOut'; reason: 'none' | 'signedOut' | 'ended' }
  | { status: 'signedIn'; user: User };

export interface Session {
  state: SessionState;
  user: User | null;
  /** Resolves with the pending sign-in when the account asks for a second factor (no session yet), else null. */
  signIn(email: string, password: string): Promise<SecondFactorPending['secondFactor'] | null>;
  /** Resolves false when the person chose to stay signed in (unsaved changes or waiting comments). */
  signOut(): Promise<boolean>;
  /** Takes over a session the server just opened (login, invitation acceptance). */
  adopt(answer: SessionAnswer): void;
  /** The session ended on the server (socket.io `session:ended`, or a 401). */
  ended(): void;
  setLanguage(lang: UiLanguage): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is used outside <SessionProvider>');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    if (isUiLanguage(answer.user.uiLanguage) && answer.user.uiLanguage !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(answer.user.uiLanguage);
    }
    setState({ status: 'signedIn', user: answer.user });
  }, []);

  const ended = useCallback(() => {
    setCsrfToken(null);
    setState((previous) => (previous.status === 'signedIn' ? { status: 'signedOut', reason: 'ended' } : previous));
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchMe().then(
      (answer) => {
        if (!cancelled) adopt(answer);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setState({ status: 'signedOut', reason: 'none' });
        } else {
          setState({ status: 'unreachable', error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [adopt, attempt]);

  useEffect(() => onUnauthenticated(ended), [ended]);

  const session = useMemo<Session>(
    () => ({
      state,
      user: state.status === 'signedIn' ? state.user : null,
      adopt,
      ended,
      async signIn(email, password) {
        const answer = await login(email, password);
        if ('secondFactor' in answer) return answer.secondFactor;
        adopt(answer);
        return null;
      },
      async signOut() {
        const userId = state.status === 'signedIn' ? state.user.id : null;
        const unsaved = documentsWithUnsavedChanges() + (userId ? queuedCommentCount(userId) : 0);
        if (unsaved > 0 && !window.confirm(i18n.t('workspace:unsaved.signOutQuestion', { count: unsaved }))) return false;
        try {
          await logout();
        } finally {
          setCsrfToken(null);
          setState({ status: 'signedOut', reason: 'signedOut' });
          // What this browser kept of that person's documents goes with the session (a shared computer).
          if (userId) {
            void deleteLocalCopies(userId);
            deleteCommentOutboxes(userId);
          }
        }
        return true;
      },
      async setLanguage(lang) {
        await i18n.changeLanguage(lang);
        if (state.status !== 'signedIn' || state.user.uiLanguage === lang) return;
        setState({ status: 'signedIn', user: { ...state.user, uiLanguage: lang } });
        await updateMe({ uiLanguage: lang });
      },
      retry() {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    }),
    [state, adopt, ended],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
