/**
 * The password reset link, mailed in the person's own interface language (we know it: they have an
 * account). Sent only when SMTP_URL is configured; otherwise the sender is shown the link once. A
 * failure to send is logged and answered as "not mailed", so the sender is shown the link instead.
 */
import nodemailer from 'nodemailer';
import type { AppContext } from '../context';
import { translator, type UiLanguage } from '../i18n';

export interface PasswordResetMail {
  to: string;
  lang: UiLanguage;
  sender: string;
  /** Absolute link: PUBLIC_URL + /reset-password/<token>. */
  url: string;
  expiresAt: Date;
}

export function composePasswordResetMail(mail: PasswordResetMail): { subject: string; text: string } {
  const t = translator(mail.lang, 'security');
  const expires = mail.expiresAt.toLocaleString(mail.lang === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return { subject: t('mail.reset_subject'), text: `${t('mail.reset_body', { sender: mail.sender, email: mail.to, url: mail.url, expires })}\n` };
}

export async function sendPasswordResetMail(ctx: AppContext, mail: PasswordResetMail): Promise<boolean> {
  if (!ctx.env.SMTP_URL) return false;
  const { subject, text } = composePasswordResetMail(mail);
  const transport = nodemailer.createTransport(ctx.env.SMTP_URL);
  try {
    await transport.sendMail({ from: ctx.env.SMTP_FROM, to: mail.to, subject, text });
    ctx.log.info({ to: mail.to }, 'password reset link mailed');
    return true;
  } catch (err) {
    ctx.log.error({ err, to: mail.to }, 'password reset mail not sent (the link is shown to the sender instead)');
    return false;
  } finally {
    transport.close();
  }
}
