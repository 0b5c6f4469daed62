/**
 * The frame of a screen about one document (members, import, the signed version): it loads the
 * document and my place in it, shows the header with my role and a way back to the workspace.
 */
import { useMemo, type ReactNode } from 'react';
import type { Action } from '../../../shared/src/policy';
import { useTranslation } from 'react-i18next';
import { getDocument } from '../api/documents';
import { ApiError } from '../api/http';
import type { DocumentDetail } from '../../../shared/src/api/documents';
import { localized } from '../app/format';
import { Link, paths } from '../app/router';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';

export interface DocumentPageProps {
  documentId: string;
  /** The permission the page needs; without it the page says so instead of showing a form that would fail. */
  requires?: Action;
  children(detail: DocumentDetail, reload: () => Promise<void>): ReactNode;
}

export function useDocumentDetail(documentId: string): { detail: DocumentDetail | null; error: unknown; load(): Promise<void> } {
  const read = useLive(useMemo(() => resource(() => getDocument(documentId), { reconnect: false }), [documentId]));
  return { detail: read.value, error: read.error, load: read.reload };
}

export function DocumentPage({ documentId, requires, children }: DocumentPageProps) {
  const { t } = useTranslation();
  const { detail, error, load } = useDocumentDetail(documentId);
  const participant = detail?.participants.find((candidate) => candidate.id === detail.me.participantId);
  const headerRole = detail ? { role: detail.me.role, participantCode: participant?.code ?? null } : undefined;
  const allowed = !requires || (detail?.me.permissions.includes(requires) ?? false);

  return (
    <>
      <AppHeader documentRole={headerRole} />
      <main id="main" className="page">
        {error ? (
          <ScreenError error={error} onRetry={() => void load()} />
        ) : !detail ? (
          <Loading />
        ) : !allowed ? (
          <ScreenError error={new ApiError(403, 'forbidden', t('common:errors.notAllowedHere'))} />
        ) : (
          <>
            <nav className="breadcrumbs" aria-label={t('common:header.breadcrumbs')}>
              <Link href={paths.workspace(documentId)}>{localized(detail.document.title)}</Link>
            </nav>
            {children(detail, load)}
          </>
        )}
      </main>
    </>
  );
}
