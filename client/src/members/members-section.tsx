/**
 * The people of a document: their role and delegation, changeable and removable by the secretariat, who
 * also marks a delegate as head of delegation — one who may confirm for the capital the approvals their
 * delegation gave ad referendum. Shown read-only to those who may not manage the document.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/src/api/members';
import type { Participant } from '../../../shared/src/api/participants';
import type { Role } from '../../../shared/src/policy';
import { removeMembership, updateMembership } from '../api/members';
import { useToasts } from '../components/toasts';
import { useErrorMessage } from '../app/error-message';
import { localized } from '../app/format';
import { ParticipantSelect, RoleSelect } from './participant-select';
import { participantRule } from './role-rules';
import { SendResetButton } from '../security/send-reset-button';

export function MembersSection({
  documentId,
  members,
  participants,
  currentUserId,
  onChanged,
  canManage = true,
}: {
  documentId: string;
  members: Member[];
  participants: Participant[];
  currentUserId: string | null;
  onChanged: () => Promise<void>;
  /** Policy 'document.manage': otherwise the list is read-only. */
  canManage?: boolean;
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
              <th scope="col">{t('members:list.capital')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('members:actionsColumn')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((member) =>
              canManage ? (
                <MemberRow
                  key={member.membershipId}
                  documentId={documentId}
                  member={member}
                  participants={participants}
                  isSelf={member.userId === currentUserId}
                  onChanged={onChanged}
                />
              ) : (
                <ReadOnlyRow key={member.membershipId} member={member} participants={participants} isSelf={member.userId === currentUserId} />
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReadOnlyRow({ member, participants, isSelf }: { member: Member; participants: Participant[]; isSelf: boolean }) {
  const { t } = useTranslation();
  const participant = participants.find((p) => p.id === member.participantId);
  return (
    <tr>
      <td>
        <div className="member-name">
          {member.displayName}
          {isSelf && <span className="muted">{t('members:list.you')}</span>}
        </div>
      </td>
      <td>{t(`common:roles.${member.role}`)}</td>
      <td>{participant ? t('members:participantOption', { code: participant.code, name: localized(participant.name) }) : t('members:noParticipant')}</td>
      <td>
        {member.mayConfirmForCapital ? (
          t('members:list.isHead')
        ) : (
          <>
            <span aria-hidden="true">{t('members:list.notHead')}</span>
            <span className="visually-hidden">{t('members:list.notHeadLabel')}</span>
          </>
        )}
      </td>
    </tr>
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
  const [mayConfirm, setMayConfirm] = useState(member.mayConfirmForCapital);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const rule = participantRule(role);
  const effectiveParticipant = rule === 'none' ? null : participantId || null;
  // Only a delegate speaks for a capital: another role clears the mark (the server clears it too).
  const effectiveMayConfirm = role === 'delegate' && mayConfirm;
  const dirty = role !== member.role || effectiveParticipant !== (member.participantId ?? null) || effectiveMayConfirm !== member.mayConfirmForCapital;

  async function save() {
    if (rule === 'required' && !effectiveParticipant) {
      toasts.show({ message: t('members:participantRequired'), tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      await updateMembership(documentId, member.membershipId, { role, participantId: effectiveParticipant, mayConfirmForCapital: effectiveMayConfirm });
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
      <td>
        <label className="member-capital" title={role === 'delegate' ? undefined : t('members:list.onlyDelegates')}>
          <input
            type="checkbox"
            checked={effectiveMayConfirm}
            disabled={role !== 'delegate' || busy}
            aria-label={t('members:list.mayConfirmOf', { name: member.displayName })}
            onChange={(event) => setMayConfirm(event.target.checked)}
          />{' '}
          {t('members:list.mayConfirmShort')}
        </label>
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
          {!isSelf && <SendResetButton documentId={documentId} userId={member.userId} name={member.displayName} email={member.email ?? null} />}
        </div>
      </td>
    </tr>
  );
}
