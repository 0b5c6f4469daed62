/**
 * Notification mail, off every request path: messages wait here and go one after another, so a slow
 * or failing mail server delays nothing but other mail. A failure is logged (by the mailer) and the
 * message is dropped — the notification is in the app all the same.
 */
import type { AppContext } from '../context';
import { sendNotificationMail } from '../mail/notification-mail';
import { markMailed } from './notification-store';
import type { NotificationJSON } from '../../../shared/src/api/notifications';
import type { UiLanguage } from '../i18n';

/** At most this many messages wait; beyond it new ones are dropped (logged) rather than held without bound. */
const MAX_WAITING = 1_000;

export class MailQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly ctx: AppContext) {}

  enqueue(to: { email: string; lang: UiLanguage }, notification: NotificationJSON): void {
    if (!this.ctx.env.SMTP_URL) return;
    if (this.waiting >= MAX_WAITING) {
      this.ctx.log.warn({ kind: notification.kind }, 'notification mail dropped: too many messages waiting');
      return;
    }
    this.waiting += 1;
    const url = new URL(`/documents/${encodeURIComponent(notification.documentId)}`, this.ctx.env.PUBLIC_URL).toString();
    this.tail = this.tail
      .then(async () => {
        if (await sendNotificationMail(this.ctx, { to: to.email, lang: to.lang, notification, url })) await markMailed(this.ctx.pool, notification.id);
      })
      .catch((err: unknown) => this.ctx.log.error({ err }, 'notification mail failed'))
      .finally(() => {
        this.waiting -= 1;
      });
  }

  /** Resolves once every message queued so far was tried (shutdown, tests). */
  drain(): Promise<void> {
    return this.tail;
  }
}
