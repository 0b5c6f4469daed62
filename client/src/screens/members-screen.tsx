/** The secretariat's screen: the document's Participants and its people. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument } from '../api/documents';
import { listMembers } from '../api/members';
import { ApiError } from '../api/http';
import type { DocumentDetail } from '../../../shared/src/api/documents';
import type { Member } from '../../../shared/src/api/members';
import { localized } from '../app/format';
import { Link, paths } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { AddPersonForm } from '../members/add-person-form';
import { MembersSection } from '../members/members-section';
import { ParticipantsSection } from '../members/participants-section';
import { SecondFactorRequirementSetting } from '../security/second-factor-requirement';

export function MembersScreen({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  // The document and its people, read together; read again after every change made here (onChanged).
  const read = useLive(
    useMemo(
      () =>
        resource(
          async (): Promise<{ detail: DocumentDetail; members: Member[] }> => {
            const [detail, { members }] = await Promise.all([getDocument(documentId), listMembers(documentId)]);
            return { detail, members };
          },
          { reconnect: false },
        ),
      [documentId],
    ),
  );
  const { error, reload: load } = read;
  const detail = read.value?.detail ?? null;
  const members = read.value?.members ?? null;

  const participant = detail?.participants.find((candidate) => candidate.id === detail.me.participantId);
  const headerRole = detail ? { role: detail.me.role, participantCode: participant?.code ?? null } : undefined;
  const canManage = detail?.me.permissions.includes('document.manage') ?? false;

  return (
    <>
      <AppHeader documentRole={headerRole} />
      <main id="main" className="page">
        {error ? (
          <ScreenError error={error} onRetry={() => void load()} />
        ) : !detail || !members ? (
          <Loading />
        ) : !canManage ? (
          <ScreenError error={new ApiError(403, 'forbidden', t('members:notAllowed'))} />
        ) : (
          <>
            <nav className="breadcrumbs" aria-label={t('common:header.breadcrumbs')}>
              <Link href={paths.workspace(documentId)}>{localized(detail.document.title)}</Link>
            </nav>
            <h1>{t('members:title')}</h1>
            <ParticipantsSection documentId={documentId} languages={detail.document.languages} participants={detail.participants} onChanged={load} />
            <MembersSection
              documentId={documentId}
              members={members}
              participants={detail.participants}
              currentUserId={session.user?.id ?? null}
              onChanged={load}
            />
            <AddPersonForm documentId={documentId} participants={detail.participants} onChanged={load} />
            <SecondFactorRequirementSetting documentId={documentId} />
          </>
        )}
      </main>
    </>
  );
}
