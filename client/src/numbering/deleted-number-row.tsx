/** "Article 5 [deleted]": a placeholder row where a fixed article was deleted (issue 15), not editable. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletedNumber } from '../../../shared/src/stable-numbering';
import { numberLabel } from './numbering-store';
import './numbering.css';

export function DeletedNumberRow({ deleted }: { deleted: DeletedNumber }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="clause-row clause-row-deleted" role="group" aria-labelledby={headingId} data-deleted-number={deleted.clauseId}>
      <div className="clause-head">
        <div className="clause-title">
          <h2 className="clause-number" id={headingId}>
            {numberLabel(t, { ...deleted.number, deleted: true })}
          </h2>
        </div>
      </div>
      <p className="clause-deleted-hint">{t('numbering:deletedHint')}</p>
    </div>
  );
}
