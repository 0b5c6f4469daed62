/**
 * Bring someone into the negotiation: add an existing account directly, or create a one-time
 * invitation link to send them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../shared/src/api/invitations';
import type { Participant } from '../../../shared/src/api/participants';
import type { Role } from '../../../shared/src/policy';
import { addMembership, createInvitation } from '../api/members';
import { ApiError } from '../api/http';
import { formatDateTime } from '../app/format';
import { useToasts } from '../components/toasts';
import { useErrorMessage } from '../app/error-message';
import { CopyIcon } from '../components/icons';
import { ParticipantSelect, RoleSelect } from './participant-select';
import { participantRule } from './role-rules';

export function AddPersonForm({ documentId, participants, onChanged }: { documentId: string; participants: Participant[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [participantId, setParticipantId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [copied, setCopied] = useState(false);

  function input() {
    const rule = participantRule(role);
    return { email: email.trim().toLowerCase(), role, participantId: rule === 'none' ? null : participantId || null };
  }

  function validate(): boolean {
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      setError(t('members:add.emailInvalid'));
      return false;
    }
    if (participantRule(role) === 'required' && !participantId) {
      setError(t('members:participantRequired'));
      return false;
    }
    setError(null);
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!validate()) return;
    setBusy(true);
    try {
      await addMembership(documentId, input());
      toasts.show({ message: t('members:add.added', { email: input().email }) });
      setEmail('');
      await onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 404 ? t('members:add.noAccount') : errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  async function invite() {
    if (!validate()) return;
    setBusy(true);
    setCopied(false);
    try {
      const answer = await createInvitation(documentId, input());
      setInvitation(answer.invitation);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const link = invitation?.url ? new URL(invitation.url, window.location.origin).toString() : '';

  return (
    <section className="card" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">{t('members:add.title')}</h2>
      <p className="lead">{t('members:add.intro')}</p>
      <form onSubmit={add} className="add-person-form">
        <div className="field">
          <label htmlFor="add-email">{t('auth:fields.email')}</label>
          <input id="add-email" type="email" required value={email} autoComplete="off" onChange={(event) => setEmail(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="add-role">{t('members:list.role')}</label>
          <RoleSelect id="add-role" value={role} onChange={setRole} />
        </div>
        <div className="field">
          <label htmlFor="add-participant">{t('members:list.participant')}</label>
          <ParticipantSelect id="add-participant" role={role} participants={participants} value={participantId} onChange={setParticipantId} />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('members:add.addMember')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void invite()}>
            {t('members:add.createInvitation')}
          </button>
        </div>
      </form>
      {invitation && (
        <div className="invitation-result" role="status">
          <p>{t('members:add.invitationReady', { email: invitation.email ?? input().email, date: formatDateTime(invitation.expiresAt) })}</p>
          <div className="copy-field">
            <label htmlFor="invitation-link" className="visually-hidden">
              {t('members:add.invitationLink')}
            </label>
            <input id="invitation-link" readOnly value={link} onFocus={(event) => event.target.select()} />
            <button
              type="button"
              className="button"
              onClick={() => {
                navigator.clipboard?.writeText(link).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              <CopyIcon />
              {copied ? t('members:add.copied') : t('members:add.copy')}
            </button>
          </div>
          <p className="hint">{t('members:add.invitationOnce')}</p>
        </div>
      )}
    </section>
  );
}
