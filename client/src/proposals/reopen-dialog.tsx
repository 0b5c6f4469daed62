/** The question before a direct edit reopens an approved clause: Propose (delegates) / Edit anyway / Cancel. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../approvals/modal';
import type { ReopenRequests } from './reopen-requests';

export function ReopenDialog({ requests, labelOf, canPropose }: { requests: ReopenRequests; labelOf(clauseId: string): string; canPropose: boolean }) {
  const { t } = useTranslation();
  const question = useSyncExternalStore(requests.subscribe, requests.getSnapshot);
  if (!question) return null;
  return (
    <Modal
      title={t('proposals:reopen.title')}
      onClose={() => requests.answer('cancel')}
      footer={
        <>
          <button type="button" className="button" onClick={() => requests.answer('cancel')}>
            {t('proposals:reopen.cancel')}
          </button>
          <button type="button" className="button" onClick={() => requests.answer('edit')}>
            {t('proposals:reopen.edit')}
          </button>
          {canPropose && (
            <button type="button" className="button button-primary" onClick={() => requests.answer('propose')}>
              {t('proposals:reopen.propose')}
            </button>
          )}
        </>
      }
    >
      <p>{t('proposals:reopen.text', { label: labelOf(question.clauseId), codes: question.codes.join(', ') })}</p>
    </Modal>
  );
}
