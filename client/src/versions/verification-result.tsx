/** What the check of a file found: genuine or why not, whose original it is under the alternat, the version it names. */
import { useTranslation } from 'react-i18next';
import { formatDateTime, localized } from '../app/format';
import { versionTitle } from './version-title';
import type { Verification } from '../../../shared/src/api/versions';

export function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation('versions');
  const { t: ts } = useTranslation('signature');
  const registered = result.registered;
  return (
    <div role="status" className={`verify-result ${result.genuine ? 'is-genuine' : 'is-not-genuine'}`}>
      <p className="verify-verdict">
        {result.genuine && registered
          ? t('verify.genuine', { version: versionTitle(t, registered), title: localized(registered.title) })
          : t('verify.notGenuine', { reason: t(`verify.failure.${result.failure ?? 'unreadable'}`) })}
      </p>
      {result.genuine && result.original && (
        <p className="verify-original">
          {ts('verify.original', { name: localized(result.original.name), number: result.original.number, of: result.original.of })}
        </p>
      )}
      {result.attestationsMatch === false && <p className="verify-attestations">{ts('verify.attestationsDiffer')}</p>}
      {result.fingerprint && <p>{t('verify.fingerprint', { fingerprint: result.fingerprint })}</p>}
      {registered && (
        <p>
          {t('verify.registered', {
            title: localized(registered.title),
            seq: registered.seq,
            kind: t(`kind.${registered.kind}`),
            date: formatDateTime(registered.takenAt),
          })}
        </p>
      )}
      {result.problems.length > 0 && (
        <details>
          <summary>{t('verify.problems')}</summary>
          <ul>
            {result.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
