/** What a notification says, in the interface language: one sentence, and where it leads. */
import type { TFunction } from 'i18next';
import { paths } from '../app/router';
import type { NotificationClause, NotificationJSON } from '../../../shared/src/api/notifications';

export function clauseName(t: TFunction, clause: NotificationClause | null): string {
  if (!clause) return t('notifications:clause.text');
  if (clause.article !== undefined) return t('notifications:clause.article', { number: clause.article });
  if (clause.section !== undefined) return t('notifications:clause.section', { number: clause.section });
  return clause.kind === 'preamble' ? t('notifications:clause.preamble') : t('notifications:clause.text');
}

const capitalised = (text: string, lang: string) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

export function notificationSentence(t: TFunction, n: NotificationJSON, lang: string): string {
  const values = { actor: n.actor?.displayName ?? t('notifications:someone'), clause: clauseName(t, n.clause) };
  const d = n.details;
  let text: string;
  switch (d.kind) {
    case 'mention':
      text = t('notifications:text.mention', values);
      break;
    case 'approval_outdated':
      text = t('notifications:text.approval_outdated', { ...values, participant: d.participantCode });
      break;
    case 'proposal':
      text =
        d.event === 'decision' && d.decision
          ? t(`notifications:text.decision_${d.decision}`, values)
          : t(`notifications:text.position_${d.position ?? 'reserves'}`, { ...values, participant: d.participantCode ?? '' });
      break;
    case 'version_named':
      text = t('notifications:text.version_named', { ...values, name: d.name });
      break;
    case 'document_frozen':
      text = t('notifications:text.document_frozen');
      break;
  }
  return capitalised(text, lang);
}

/** The workspace at the clause it is about, else the negotiation (a frozen one opens its signed text). */
export function notificationHref(n: NotificationJSON): string {
  if (n.kind === 'document_frozen') return paths.signed(n.documentId);
  return n.clause ? paths.clause(n.documentId, n.clause.id) : paths.workspace(n.documentId);
}
