/**
 * The frame of a screen about one document (members, import, the signed version): it loads the
 * document and my place in it, shows the header with my role and a way back to the workspace.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument } from '../api/documents';
import { ApiError } from '../api/http';
import type { DocumentDetail } from '../api/types';
import { localized } from '../app/format';
import { Link, paths } from '../app/router';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';

export interface DocumentPageProps {
  documentId: string;
  /** The permission the page needs; without it the page says so instead of showing a form that would fail. */
  requires?: string;
  children(detail: DocumentDetail, reload: () => Promise<void>): ReactNode;
}

export function useDocumentDetail(documentId: string) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await getDocument(documentId));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [documentId]);
  useEffect(() => { void load(); }, [load]);
  return { detail, error, load };
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
        {error ? <ScreenError error={error} onRetry={() => void load()} />
          : !detail ? <Loading />
            : !allowed ? <ScreenError error={new ApiError(403, 'forbidden', t('common:errors.notAllowedHere'))} />
              : (
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
