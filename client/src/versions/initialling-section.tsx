/**
 * Initialling the signed text (issue 16): each Participant's status — who initialled, when, with which
 * initials, or not yet — and, for the Participant's designated person, "Initial the text": the
 * fingerprint they initial is shown and asked to be confirmed, then sent with the initials, so the
 * server can refuse initials for a text the person did not see.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, localized } from '../app/format';
import { initialSignedText } from './signatures-api';
import { defaultInitials, INITIALS_PATTERN } from '../../../shared/src/versions/signature-defaults';
import type { AttestationsAnswer } from '../../../shared/src/api/signatures';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

export interface InitiallingSectionProps {
  documentId: string;
  record: VersionRecord;
  fingerprint: string;
  attestations: AttestationsAnswer;
  /** The Participant this person may initial for (the policy's 'signature.initial'), or null. */
  mayInitialFor: string | null;
  myName: string;
  onChanged(): void;
  announce?(message: string): void;
}

export function InitiallingSection({ documentId, record, fingerprint, attestations, mayInitialFor, myName, onChanged, announce }: InitiallingSectionProps) {
  const { t } = useTranslation('signature');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [initials, setInitials] = useState(() => defaultInitials(myName));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initialled = (participantId: string) => attestations.initials.find((entry) => entry.participantId === participantId);
  const mine = mayInitialFor ? record.participants.find((p) => p.id === mayInitialFor) : undefined;
  const canInitial = mine !== undefined && !initialled(mine.id);

  const submit = async () => {
    if (!mine) return;
    setBusy(true);
    setError(null);
    try {
      await initialSignedText(documentId, { participantId: mine.id, fingerprint, initials });
      announce?.(t('page.initialling.done', { participant: localized(mine.name) }));
      setConfirming(false);
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="signed-initialling" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('page.initialling.title')}</h2>
      <p className="versions-hint">{t('page.initialling.explain')}</p>
      <ul className="signed-status-list">
        {record.participants.map((participant) => {
          const entry = initialled(participant.id);
          return (
            <li key={participant.id} data-participant={participant.code}>
              <strong>{localized(participant.name)}</strong>:{' '}
              {entry ? (
                <span className="signed-initialled">
                  {t('page.initialling.by', { initials: entry.initials, name: entry.name, date: formatDateTime(entry.at) })}
                </span>
              ) : (
                <span className="signed-not-initialled">{t('page.initialling.notYet')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {canInitial && !confirming && (
        <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
          {t('page.initialling.button')}
        </button>
      )}
      {canInitial && confirming && (
        <div className="signed-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('page.initialling.confirm', { participant: localized(mine.name) })}</p>
          <p>
            {t('page.initialling.fingerprint')}: <code className="signed-fingerprint">{fingerprint}</code>
          </p>
          <p>
            <label htmlFor={`${id}-initials`}>{t('page.initialling.initials')}</label>{' '}
            <input
              id={`${id}-initials`}
              value={initials}
              maxLength={6}
              size={8}
              aria-invalid={!INITIALS_PATTERN.test(initials)}
              onChange={(event) => setInitials(event.target.value.trim())}
            />
          </p>
          <button type="button" className="button button-primary" disabled={busy || !INITIALS_PATTERN.test(initials)} onClick={submit}>
            {busy ? t('page.initialling.saving') : t('page.initialling.confirmButton')}
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('page.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="versions-error">
          {error}
        </p>
      )}
    </section>
  );
}
