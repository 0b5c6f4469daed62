/**
 * One negotiation in "My negotiations": its title and languages, status, my role, progress, and what
 * I may do with it — members, importing drafts, the signed version, duplicating (in a region that
 * opens under the card) and archiving.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/src/api/documents';
import type { User } from '../../../shared/src/api/users';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { Link, navigate, paths } from '../app/router';
import { ArchiveButton, DuplicateForm } from '../import';
import { ApprovedClauses, OpenThreads, SinceLastVisitLine } from './document-progress';
import { offersOn } from './document-permissions';

export function DocumentCard({ document: doc, user, onArchived }: { document: DocumentSummary; user: User; onArchived: () => void }) {
  const { t, i18n } = useTranslation();
  const regionId = useId();
  const [duplicating, setDuplicating] = useState(false);
  const title = localized(doc.title, i18n.resolvedLanguage);
  const offers = offersOn(user, doc);
  const manageMembers = doc.myRole === 'secretariat';
  const anyAction = manageMembers || offers.importDrafts || offers.signedVersion || offers.duplicate || offers.archive;

  return (
    <li className="document-card">
      <div className="document-card-main">
        <h2 className="document-card-title">
          <Link href={paths.workspace(doc.id)}>{title}</Link>
        </h2>
        <p className="document-card-meta">
          {t('documents:languages', { languages: doc.languages.map((code) => languageTitle(code)).join(' · ') })}
          {' · '}
          {t('documents:updated', { date: formatDateTime(doc.updatedAt) })}
        </p>
        <SinceLastVisitLine since={doc.sinceLastVisit} />
      </div>
      <dl className="document-card-facts">
        <div>
          <dt>{t('documents:status')}</dt>
          <dd>
            <span className={`status-chip status-${doc.status}`}>{t(`common:status.${doc.status}`, { defaultValue: doc.status })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('documents:myRole')}</dt>
          <dd>{doc.myRole ? t(`common:roles.${doc.myRole}`) : t('documents:noRole')}</dd>
        </div>
        <div className="document-card-progress">
          <dt>{t('documents:progress')}</dt>
          <dd>
            <ApprovedClauses progress={doc.progress} />
          </dd>
        </div>
        <div>
          <dt>{t('documents:comments')}</dt>
          <dd>
            <OpenThreads progress={doc.progress} />
          </dd>
        </div>
      </dl>
      {anyAction && (
        <div className="document-card-actions" role="group" aria-label={t('documents:actions', { title })}>
          {offers.signedVersion && (
            <Link href={paths.signed(doc.id)} className="button button-primary">
              {t('documents:signedVersion')}
            </Link>
          )}
          {manageMembers && (
            <Link href={paths.members(doc.id)} className="button">
              {t('documents:manageMembers')}
            </Link>
          )}
          {offers.importDrafts && (
            <Link href={paths.import(doc.id)} className="button">
              {t('documents:importDrafts')}
            </Link>
          )}
          {offers.duplicate && (
            <button
              type="button"
              className="button"
              aria-expanded={duplicating}
              aria-controls={duplicating ? regionId : undefined}
              onClick={() => setDuplicating((open) => !open)}
            >
              {t('documents:duplicate')}
            </button>
          )}
          {offers.archive && (
            <span className="document-card-archive">
              <ArchiveButton documentId={doc.id} title={doc.title} onArchived={onArchived} />
            </span>
          )}
        </div>
      )}
      {offers.duplicate && duplicating && (
        <section id={regionId} className="document-card-duplicate" aria-label={t('documents:duplicateRegion', { title })}>
          <DuplicateForm
            documentId={doc.id}
            title={doc.title}
            languages={doc.languages}
            onCreated={(documentId) => navigate(paths.workspace(documentId))}
            onCancel={() => setDuplicating(false)}
          />
        </section>
      )}
    </li>
  );
}
