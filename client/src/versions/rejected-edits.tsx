/**
 * "Not applied: the text was frozen": the person's own edits that reached the server after the
 * freeze, word by word, so that they can copy what they still need. Shows nothing when there are none.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageTitle } from '../app/format';
import { DiffView } from '../approvals/diff-view';
import { useLive } from '../realtime/use-live';
import { rejectedEditsStore } from './version-stores';

export function RejectedEdits({ documentId, clauseLabel }: { documentId: string; clauseLabel?(clauseId: string): string }) {
  const { t } = useTranslation('versions');
  const rejected = useLive(useMemo(() => rejectedEditsStore(documentId), [documentId]));
  if (!rejected.value || rejected.value.updates.length === 0) return null;
  const { updates, changes } = rejected.value;
  return (
    <section className="rejected-edits" role="alert">
      <h2>{t('rejected.title')}</h2>
      <p>
        <strong>{t('rejected.explain')}</strong> — {t('rejected.intro')}
      </p>
      <p className="versions-hint">{t('rejected.received', { date: formatDateTime(updates[updates.length - 1].receivedAt) })}</p>
      {changes.map((change) => (
        <div key={change.clauseId} className="rejected-clause">
          <h3>{change.inText ? (clauseLabel?.(change.clauseId) ?? change.clauseId) : t('rejected.newClause')}</h3>
          {Object.entries(change.languages)
            .filter(([, parts]) => parts.some((p) => p.op !== 'equal'))
            .map(([lang, parts]) => (
              <div key={lang}>
                <h4>{languageTitle(lang)}</h4>
                <DiffView parts={parts} lang={lang} />
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}
