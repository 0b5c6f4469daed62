import nodemailer from 'nodemailer';
import type { AppContext } from '../context';
import type { Role } from '../../../shared/src/policy';
import en from '../../../shared/locales/en/mail.json';
import es from '../../../shared/locales/es/mail.json';

type MailKey = keyof typeof en;
const MESSAGES: Record<'en' | 'es', Record<MailKey, string>> = { en, es };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

export interface InvitationMail {
  to: string;
  inviter: string;
  documentTitle: Record<string, string>;
  role: Role;
  participantName: Record<string, string> | null;
  /** Absolute link: PUBLIC_URL + /invite/<token>. */
  url: string;
  expiresAt: Date;
}

/** The message in English and in Spanish, one after the other: we do not know the invitee's language yet. */
export function composeInvitationMail(mail: InvitationMail): { subject: string; text: string } {
  const parts = (['en', 'es'] as const).map((lang) => {
    const m = MESSAGES[lang];
    const title = mail.documentTitle[lang] ?? Object.values(mail.documentTitle)[0] ?? '';
    const participant = mail.participantName?.[lang] ?? '';
    const role = fill(m[`role_${mail.role}`], { participant });
    const expires = mail.expiresAt.toLocaleDateString(lang === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      subject: fill(m.invitation_subject, { title }),
      text: fill(m.invitation_body, { inviter: mail.inviter, title, role, url: mail.url, expires }),
    };
  });
  return { subject: `${parts[0].subject} / ${parts[1].subject}`, text: `${parts[0].text}\n\n———\n\n${parts[1].text}\n` };
}

/**
 * Sends the invitation link when SMTP_URL is configured (smtp:// with STARTTLS when offered, or
 * smtps://). Without it nothing is sent — no mail server is needed: the secretariat copies the link
 * the app shows. Returns whether the message was accepted by the mail server; a failure is logged,
 * never fatal (the link is still shown).
 */
export async function sendInvitationMail(ctx: AppContext, mail: InvitationMail): Promise<boolean> {
  if (!ctx.env.SMTP_URL) return false;
  const { subject, text } = composeInvitationMail(mail);
  try {
    const transport = nodemailer.createTransport(ctx.env.SMTP_URL);
    await transport.sendMail({ from: ctx.env.SMTP_FROM, to: mail.to, subject, text });
    transport.close();
    ctx.log.info({ to: mail.to }, 'invitation mailed');
    return true;
  } catch (err) {
    ctx.log.error({ err, to: mail.to }, 'invitation mail not sent (the link is still shown to the secretariat)');
    return false;
  }
}
