/** The freeze blockers as sentences: which clause, which Participant, why. */
import { useTranslation } from 'react-i18next';
import { languageName, localized } from '../app/format';
import { clauseLabel } from '../workspace/clause-label';
import type { FreezeStatus } from '../../../shared/src/versions/version-api';

export function BlockerList({ status }: { status: FreezeStatus }) {
  const { t } = useTranslation(['versions', 'workspace']);
  const clauses = new Map(status.clauses.map((c) => [c.id, c]));
  const participants = new Map(status.participants.map((p) => [p.id, p]));
  return (
    <ul className="freeze-blockers">
      {status.blockers.map((blocker, index) => {
        const clause = blocker.clauseId ? clauses.get(blocker.clauseId) : undefined;
        const participant = blocker.participantId ? participants.get(blocker.participantId) : undefined;
        return (
          <li key={index} className={`freeze-blocker blocker-${blocker.reason}`}>
            {t(`versions:freeze.blocker.${blocker.reason}`, {
              clause: clause ? clauseLabel(t, clause.kind, clause.number) : t('versions:freeze.document'),
              participant: participant ? localized(participant.name) : '',
              languages: blocker.languages.map((lang) => languageName(lang)).join(', '),
            })}
          </li>
        );
      })}
    </ul>
  );
}
