/**
 * On the members screen: send a member a single-use link to choose a new password (the secretariat,
 * for members who are not administrators; the server decides, policy rule [P9]). Mailed when the
 * server can mail; otherwise the link is shown here once, to hand over by a channel the sender trusts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMemberReset } from '../api/security';
import { useErrorMessage } from '../app/error-message';
import { useToasts } from '../components/toasts';

export function SendResetButton({ documentId, userId, name, email }: { documentId: string; userId: string; name: string; email: string | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);

  async function send() {
    if (!window.confirm(t('security:reset.confirm', { name }))) return;
    setBusy(true);
    try {
      const { reset } = await sendMemberReset(documentId, userId);
      if (reset.url) setLink(new URL(reset.url, window.location.origin).toString());
      else toasts.show({ message: t('security:reset.sent', { email: email ?? name }) });
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" disabled={busy} aria-label={t('security:reset.sendLabel', { name })} onClick={() => void send()}>
        {t('security:reset.send')}
      </button>
      {link && (
        <div className="invitation-result" role="status">
          <p>{t('security:reset.sentLink', { name })}</p>
          <div className="copy-field">
            <input readOnly value={link} aria-label={t('security:reset.linkLabel', { name })} onFocus={(e) => e.target.select()} />
          </div>
        </div>
      )}
    </>
  );
}
