/**
 * Tells an account's owner that someone keeps failing to sign in to it (commands/sign-in.ts, at most
 * once an hour), in the owner's own language. Sent only when SMTP_URL is configured; otherwise the
 * server log has it. A failure to send is logged, never fatal.
 */
import nodemailer from 'nodemailer';
import type { AppContext } from '../context';
import type { UiLanguage } from '../i18n';
import en from '../../../shared/locales/en/mail.json';
import es from '../../../shared/locales/es/mail.json';

const MESSAGES = { en, es } as const;

export interface SignInAlertMail {
  to: string;
  lang: UiLanguage;
  ip: string;
  attempts: number;
  at: Date;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

export function composeSignInAlertMail(mail: SignInAlertMail): { subject: string; text: string } {
  const m = MESSAGES[mail.lang] ?? MESSAGES.en;
  const time = mail.at.toLocaleString(mail.lang === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return {
    subject: m.sign_in_alert_subject,
    text: `${fill(m.sign_in_alert_body, { email: mail.to, attempts: String(mail.attempts), address: mail.ip, time })}\n`,
  };
}

export async function sendSignInAlertMail(ctx: AppContext, mail: SignInAlertMail): Promise<boolean> {
  if (!ctx.env.SMTP_URL) {
    ctx.log.warn({ to: mail.to, ip: mail.ip, attempts: mail.attempts }, 'failed sign-ins: the owner would be mailed (no SMTP_URL)');
    return false;
  }
  const { subject, text } = composeSignInAlertMail(mail);
  const transport = nodemailer.createTransport(ctx.env.SMTP_URL);
  try {
    await transport.sendMail({ from: ctx.env.SMTP_FROM, to: mail.to, subject, text });
    ctx.log.info({ to: mail.to }, 'sign-in alert mailed');
    return true;
  } finally {
    transport.close();
  }
}
