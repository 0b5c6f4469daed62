/**
 * A notification by mail, in its reader's interface language (users.ui_language), for the kinds they
 * chose (server/src/notifications/). Sent only when SMTP_URL is configured; a failure is logged and
 * never fatal: the notification is in the app all the same.
 */
import nodemailer from 'nodemailer';
import type { AppContext } from '../context';
import type { UiLanguage } from '../i18n';
import type { NotificationJSON } from '../../../shared/src/api/notifications';
import en from '../../../shared/locales/en/mail.json';
import es from '../../../shared/locales/es/mail.json';

const MESSAGES = { en, es } as const;
type Messages = typeof en;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

export interface NotificationMail {
  to: string;
  lang: UiLanguage;
  notification: NotificationJSON;
  /** Absolute link to the negotiation. */
  url: string;
}

function clauseName(m: Messages, clause: NotificationJSON['clause']): string {
  if (!clause) return m.notification_clause_none;
  if (clause.article !== undefined) return fill(m.notification_clause_article, { number: String(clause.article) });
  if (clause.section !== undefined) return fill(m.notification_clause_section, { number: String(clause.section) });
  return clause.kind === 'preamble' ? m.notification_clause_preamble : m.notification_clause_none;
}

export function composeNotificationMail(mail: NotificationMail): { subject: string; text: string } {
  const m = MESSAGES[mail.lang] ?? MESSAGES.en;
  const n = mail.notification;
  const values: Record<string, string> = {
    title: n.documentTitle[mail.lang] ?? Object.values(n.documentTitle)[0] ?? '',
    actor: n.actor?.displayName ?? m.notification_someone,
    clause: clauseName(m, n.clause),
  };
  let subject: string;
  let body: string;
  const d = n.details;
  switch (d.kind) {
    case 'mention':
      values.excerpt = d.excerpt ?? '';
      [subject, body] = [m.notification_mention_subject, m.notification_mention_body];
      break;
    case 'approval_outdated':
      values.participant = d.participantCode;
      [subject, body] = [m.notification_approval_outdated_subject, m.notification_approval_outdated_body];
      break;
    case 'proposal':
      values.participant = d.participantCode ?? '';
      if (d.event === 'decision' && d.decision) {
        values.decision = m[`notification_decision_${d.decision}`];
        [subject, body] = [m.notification_proposal_decision_subject, m.notification_proposal_decision_body];
      } else {
        values.position = d.position ? m[`notification_position_${d.position}`] : '';
        [subject, body] = [m.notification_proposal_position_subject, m.notification_proposal_position_body];
      }
      break;
    case 'version_named':
      values.name = d.name;
      [subject, body] = [m.notification_version_named_subject, m.notification_version_named_body];
      break;
    case 'document_frozen':
      [subject, body] = [m.notification_document_frozen_subject, m.notification_document_frozen_body];
      break;
  }
  return { subject: fill(subject, values), text: `${fill(body, values)}\n\n${fill(m.notification_footer, { url: mail.url })}\n` };
}

/** Returns whether the mail server accepted the message; false (logged) when it did not or none is configured. */
export async function sendNotificationMail(ctx: AppContext, mail: NotificationMail): Promise<boolean> {
  if (!ctx.env.SMTP_URL) return false;
  const { subject, text } = composeNotificationMail(mail);
  const transport = nodemailer.createTransport(ctx.env.SMTP_URL);
  try {
    await transport.sendMail({ from: ctx.env.SMTP_FROM, to: mail.to, subject, text });
    ctx.log.info({ to: mail.to, kind: mail.notification.kind }, 'notification mailed');
    return true;
  } catch (err) {
    ctx.log.error({ err, to: mail.to, kind: mail.notification.kind }, 'notification mail not sent (it is still in the app)');
    return false;
  } finally {
    transport.close();
  }
}
