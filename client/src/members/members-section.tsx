/** The people of a document: their role and delegation, changeable and removable by the secretariat. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/src/api/members';
import type { Participant } from '../../../shared/src/api/participants';
import type { Role } from '../../../shared/src/policy';
import { removeMembership, updateMembership } from '../api/members';
import { useToasts } from '../components/toasts';
import { useErrorMessage } from '../app/error-message';
import { ParticipantSelect, RoleSelect } from './participant-select';
import { participantRule } from './role-rules';

export function MembersSection({
  documentId,
  members,
  participants,
  currentUserId,
  onChanged,
}: {
  documentId: string;
  members: Member[];
  participants: Participant[];
  currentUserId: string | null;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members:list.title')}</h2>
      {members.length === 0 ? (
        <p className="empty">{t('members:list.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('members:list.name')}</th>
              <th scope="col">{t('members:list.role')}</th>
              <th scope="col">{t('members:list.participant')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('members:actionsColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.membershipId}
                documentId={documentId}
                member={member}
                participants={participants}
                isSelf={member.userId === currentUserId}
                onChanged={onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MemberRow({
  documentId,
  member,
  participants,
  isSelf,
  onChanged,
}: {
  documentId: string;
  member: Member;
  participants: Participant[];
  isSelf: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [role, setRole] = useState<Role>(member.role);
  const [participantId, setParticipantId] = useState(member.participantId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const rule = participantRule(role);
  const effectiveParticipant = rule === 'none' ? null : participantId || null;
  const dirty = role !== member.role || effectiveParticipant !== (member.participantId ?? null);

  async function save() {
    if (rule === 'required' && !effectiveParticipant) {
      toasts.show({ message: t('members:participantRequired'), tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      await updateMembership(documentId, member.membershipId, { role, participantId: effectiveParticipant });
      await onChanged();
      toasts.show({ message: t('members:list.saved', { name: member.displayName }) });
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await removeMembership(documentId, member.membershipId);
      await onChanged();
      toasts.show({ message: t('members:list.removed', { name: member.displayName }) });
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
      setBusy(false);
    }
  }

  return (
    <tr>
      <td>
        <div className="member-name">
          {member.displayName}
          {isSelf && <span className="muted">{t('members:list.you')}</span>}
        </div>
        {member.email && <div className="muted">{member.email}</div>}
      </td>
      <td>
        <RoleSelect id={`role-${member.membershipId}`} value={role} onChange={setRole} label={t('members:list.roleOf', { name: member.displayName })} />
      </td>
      <td>
        <ParticipantSelect
          id={`participant-${member.membershipId}`}
          role={role}
          participants={participants}
          value={participantId}
          onChange={setParticipantId}
          label={t('members:list.participantOf', { name: member.displayName })}
        />
      </td>
      <td className="buttons-cell">
        <div className="row-buttons">
          {dirty && (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
              {t('common:actions.save')}
            </button>
          )}
          {confirming ? (
            <>
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
                {t('members:list.confirmRemove', { name: member.displayName })}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common:actions.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button"
              disabled={isSelf}
              onClick={() => setConfirming(true)}
              aria-label={t('members:list.removeLabel', { name: member.displayName })}
            >
              {t('common:actions.remove')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
