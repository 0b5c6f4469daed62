/**
 * What the document bar offers to take the text away: Print (the agreement laid out for paper,
 * print-document.ts) and, while it is a draft, Download ▾ (the text now as PDF or Word with its open
 * proposals). A frozen or archived text has no draft: the bar links to the signed page, whose exports
 * are the text. Every member who may read the document may print and download it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentJSON } from '../../../shared/src/api/documents';
import { Link, paths } from '../app/router';
import { DownloadMenu } from './download-menu';
import { usePrintView } from './use-print-view';
import './output.css';
import './print.css';

export function DocumentOutput({ doc }: { doc: DocumentJSON }) {
  const { t } = useTranslation();
  const print = usePrintView(doc);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="document-output">
      <button type="button" className="button" onClick={print} title={t('print:print.hint')}>
        {t('print:print.button')}
      </button>
      {doc.status === 'draft' ? (
        <DownloadMenu documentId={doc.id} versionId={null} label={t('print:download.menuLabel')} onError={setError} />
      ) : (
        <Link href={paths.signed(doc.id)} className="button">
          {t('print:download.signedLink')}
        </Link>
      )}
      {error && (
        <p role="alert" className="download-error">
          {error}{' '}
          <button type="button" className="button button-small" onClick={() => setError(null)}>
            {t('print:download.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
