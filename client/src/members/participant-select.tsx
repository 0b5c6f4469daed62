import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import type { Role } from '../../../shared/src/policy';
import { localized } from '../app/format';
import { participantRule } from './role-rules';

export function ParticipantSelect({
  id,
  role,
  participants,
  value,
  onChange,
  label,
}: {
  id: string;
  role: Role;
  participants: Participant[];
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const rule = participantRule(role);
  return (
    <select
      id={id}
      value={rule === 'none' ? '' : value}
      disabled={rule === 'none'}
      required={rule === 'required'}
      aria-label={label}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">
        {rule === 'none' ? t('members:noParticipantForRole') : rule === 'required' ? t('members:chooseParticipant') : t('members:noParticipant')}
      </option>
      {participants.map((participant) => (
        <option key={participant.id} value={participant.id}>
          {t('members:participantOption', { code: participant.code, name: localized(participant.name) })}
        </option>
      ))}
    </select>
  );
}

export function RoleSelect({ id, value, onChange, label }: { id: string; value: Role; onChange: (role: Role) => void; label?: string }) {
  const { t } = useTranslation();
  const roles: Role[] = ['delegate', 'legal_reviewer', 'observer', 'secretariat'];
  return (
    <select id={id} value={value} aria-label={label} onChange={(event) => onChange(event.target.value as Role)}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`common:roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
