/** "Delete Article 4?": a clause is deleted only once the person confirms (it can be restored right after, or from the activity feed or a version). */
import { useTranslation } from 'react-i18next';
import { Modal } from '../approvals/modal';

export function DeleteClauseDialog({ label, onConfirm, onCancel }: { label: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('proposals:deleteClause.title', { label })}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('proposals:deleteClause.cancel')}
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm}>
            {t('proposals:deleteClause.confirm')}
          </button>
        </>
      }
    >
      <p>{t('proposals:deleteClause.text', { label })}</p>
    </Modal>
  );
}
