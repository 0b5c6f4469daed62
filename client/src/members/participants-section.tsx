/** The Participants of a document: list, add, edit, remove. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import { createParticipant, deleteParticipant, updateParticipant } from '../api/members';
import { languageName } from '../app/format';
import { useToasts } from '../components/toasts';
import { useErrorMessage } from '../app/error-message';
import { ParticipantForm } from './participant-form';

export function ParticipantsSection({
  documentId,
  languages,
  participants,
  onChanged,
}: {
  documentId: string;
  languages: readonly string[];
  participants: Participant[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function remove(participant: Participant) {
    try {
      await deleteParticipant(documentId, participant.id);
      setConfirming(null);
      await onChanged();
      toasts.show({ message: t('members:participants.removed', { code: participant.code }) });
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
    }
  }

  return (
    <section className="card" aria-labelledby="participants-heading">
      <div className="section-heading">
        <h2 id="participants-heading">{t('members:participants.title')}</h2>
        {editing !== 'new' && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('members:participants.add')}
          </button>
        )}
      </div>
      <p className="lead">{t('members:participants.intro')}</p>
      {editing === 'new' && (
        <ParticipantForm
          languages={languages}
          onCancel={() => setEditing(null)}
          onSubmit={async (input) => {
            await createParticipant(documentId, input);
            setEditing(null);
            await onChanged();
            toasts.show({ message: t('members:participants.added', { code: input.code }) });
          }}
        />
      )}
      {participants.length === 0 ? (
        <p className="empty">{t('members:participants.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('members:participants.code')}</th>
              {languages.map((lang) => (
                <th scope="col" key={lang}>
                  {t('members:participants.nameIn', { language: languageName(lang) })}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('members:actionsColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {participants.map((participant) =>
              editing === participant.id ? (
                <tr key={participant.id}>
                  <td colSpan={languages.length + 2}>
                    <ParticipantForm
                      languages={languages}
                      initial={participant}
                      onCancel={() => setEditing(null)}
                      onSubmit={async (input) => {
                        await updateParticipant(documentId, participant.id, input);
                        setEditing(null);
                        await onChanged();
                        toasts.show({ message: t('members:participants.saved', { code: input.code }) });
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={participant.id}>
                  <td>
                    <span className="participant-badge" style={{ backgroundColor: participant.color }}>
                      {participant.code}
                    </span>
                  </td>
                  {languages.map((lang) => (
                    <td key={lang} lang={lang}>
                      {participant.name[lang] ?? ''}
                    </td>
                  ))}
                  <td className="buttons-cell">
                    <div className="row-buttons">
                      {confirming === participant.id ? (
                        <>
                          <button type="button" className="button button-danger" onClick={() => void remove(participant)}>
                            {t('members:participants.confirmRemove', { code: participant.code })}
                          </button>
                          <button type="button" className="button" onClick={() => setConfirming(null)}>
                            {t('common:actions.cancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button"
                            onClick={() => setEditing(participant.id)}
                            aria-label={t('members:participants.editLabel', { code: participant.code })}
                          >
                            {t('common:actions.edit')}
                          </button>
                          <button
                            type="button"
                            className="button"
                            onClick={() => setConfirming(participant.id)}
                            aria-label={t('members:participants.removeLabel', { code: participant.code })}
                          >
                            {t('common:actions.remove')}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
