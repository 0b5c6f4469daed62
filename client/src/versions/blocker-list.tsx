/** The freeze blockers as sentences: which clause, which Participant, why. */
import { useTranslation } from 'react-i18next';
import { languageName, localized } from '../app/format';
import { clauseLabel } from '../workspace/clause-label';
import type { FreezeStatus } from '../../../shared/src/api/versions';

/** `labelledBy`: the sentence above the list. The list scrolls when long, so it is a tab stop (keyboard scrolling). */
export function BlockerList({ status, labelledBy }: { status: FreezeStatus; labelledBy?: string }) {
  const { t } = useTranslation(['versions', 'workspace']);
  const clauses = new Map(status.clauses.map((c) => [c.id, c]));
  const participants = new Map(status.participants.map((p) => [p.id, p]));
  // Unnumbered clauses (the preamble) are told apart by their first words.
  const labelOf = (clause: FreezeStatus['clauses'][number]) => {
    const label = clauseLabel(t, clause.kind, clause.number);
    const numbered = clause.number.article !== undefined || clause.number.section !== undefined;
    const excerpt = localized(clause.excerpt);
    return numbered || !excerpt ? label : t('versions:freeze.labelWithExcerpt', { label, excerpt });
  };
  return (
    <ul className="freeze-blockers" tabIndex={0} aria-labelledby={labelledBy}>
      {status.blockers.map((blocker, index) => {
        const clause = blocker.clauseId ? clauses.get(blocker.clauseId) : undefined;
        const participant = blocker.participantId ? participants.get(blocker.participantId) : undefined;
        return (
          <li key={index} className={`freeze-blocker blocker-${blocker.reason}`}>
            {t(`versions:freeze.blocker.${blocker.reason}`, {
              clause: clause ? labelOf(clause) : t('versions:freeze.document'),
              participant: participant ? localized(participant.name) : '',
              languages: blocker.languages.map((lang) => languageName(lang)).join(', '),
              package: blocker.packageName ?? '',
              sponsors: (blocker.sponsorIds ?? [])
                .map((id) => participants.get(id))
                .map((p) => (p ? localized(p.name) : ''))
                .filter(Boolean)
                .join(', '),
            })}
          </li>
        );
      })}
    </ul>
  );
}
