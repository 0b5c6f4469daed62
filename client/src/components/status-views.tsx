/** Loading and error states of a whole screen, always with a next step. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useErrorMessage } from '../app/error-message';
import { Link, paths } from '../app/router';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="screen-status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common:loading')}</span>
    </div>
  );
}

export function ScreenError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 404 ? t('common:errors.notFoundTitle') : status === 403 ? t('common:errors.forbiddenTitle') : t('common:errors.title');
  return (
    <div className="screen-status screen-error" role="alert">
      <h1>{title}</h1>
      <p>{message(error)}</p>
      <div className="actions">
        {onRetry && status !== 404 && status !== 403 && (
          <button type="button" className="button button-primary" onClick={onRetry}>
            {t('common:actions.retry')}
          </button>
        )}
        <Link href={paths.documents()} className="button">
          {t('common:actions.backToNegotiations')}
        </Link>
      </div>
    </div>
  );
}
