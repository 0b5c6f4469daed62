/**
 * Import drafts into a document: a file per language, the preview with its pairing report and the
 * corrections, then the confirmation. Nothing is written before "Import", and "Import" waits while a
 * flagged row has been neither corrected nor confirmed (one check per row, or one for all of them).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, languageName, languageTitle } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import type { PreviewOperation } from '../../../shared/src/import/types';
import { CLAUSE_KINDS, type ClauseKind } from '../../../shared/src/yjs-layout';
import { confirmImport, previewImport, type ImportResult } from './import-api';
import { rowsToCheck } from '../../../shared/src/import';
import { correct, initialPreviewState, isChecked, reportOf, setAllChecked, setChecked, uncheckedRows, undo, type PreviewState } from './preview-state';
import { PreviewTable, rowCheckId } from './preview-table';

const ACCEPT = '.docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain';

export function ImportWizard({
  documentId,
  languages,
  limitBytes = 10 * 1024 * 1024,
  onImported,
  onOpen,
}: {
  documentId: string;
  languages: readonly string[];
  limitBytes?: number;
  onImported?: (result: ImportResult) => void;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('import');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [files, setFiles] = useState<Record<string, File>>({});
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const [state, setState] = useState<PreviewState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const report = useMemo(() => (state ? reportOf(state, languages) : null), [state, languages]);
  const flagged = report ? rowsToCheck(report.reviews) : [];
  const unchecked = state && report ? uncheckedRows(state, report) : [];

  async function read(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(files).length === 0) {
      setError(t('wizard.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setState(initialPreviewState(await previewImport(documentId, files)));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function apply(operation: PreviewOperation) {
    if (!state) return;
    try {
      setState(correct(state, operation));
      setRefused(null);
    } catch {
      // The table offers only the corrections that fit, except a pair of rows chosen by hand. The
      // RangeError says why in English, for the API; the person reads it in their language.
      setRefused(operation.op === 'pair' ? t('preview.cannotPair') : t('preview.cannot'));
    }
  }

  const countsText = (lang: string, counts: Record<ClauseKind, number>) =>
    t('preview.counts', {
      language: languageTitle(lang),
      ...Object.fromEntries(CLAUSE_KINDS.map((kind) => [kind, t(`preview.count.${kind}`, { count: counts[kind] })])),
    });

  /** Brings a flagged row into view, on its check. */
  function goToRow(rowId: string) {
    const check = document.getElementById(rowCheckId(rowId));
    check?.scrollIntoView({ block: 'center' });
    check?.focus();
  }

  async function confirm() {
    if (!state || unchecked.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const done = await confirmImport(documentId, { previewId: state.preview.id, mode, operations: state.operations });
      setResult(done);
      onImported?.(done);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <section className="import-wizard" aria-live="polite">
        <h1>{t('wizard.title')}</h1>
        <p>{t('wizard.done', { count: result.clauseIds.length })}</p>
        {result.flagged.length > 0 && <p className="import-issue">{t('wizard.doneFlagged', { count: result.flagged.length })}</p>}
        {onOpen && (
          <button type="button" className="button button-primary" onClick={onOpen}>
            {t('wizard.open')}
          </button>
        )}
      </section>
    );
  }

  return (
    <section className="import-wizard" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('wizard.title')}</h1>
      {!state && (
        <form onSubmit={read}>
          <p>{t('wizard.intro')}</p>
          {languages.map((lang) => (
            <div className="field" key={lang}>
              <label htmlFor={`${id}-file-${lang}`}>{t('wizard.fileFor', { language: languageName(lang) })}</label>
              <input
                id={`${id}-file-${lang}`}
                type="file"
                accept={ACCEPT}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  setFiles((current) => {
                    const next = { ...current };
                    if (file) next[lang] = file;
                    else delete next[lang];
                    return next;
                  });
                }}
              />
            </div>
          ))}
          <p className="hint">{t('wizard.limit', { limit: `${formatNumber(Math.round(limitBytes / 1024 / 1024))} MiB` })}</p>
          <fieldset className="field">
            <legend>{t('wizard.mode')}</legend>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('wizard.modeReplace')}
            </label>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === 'append'} onChange={() => setMode('append')} /> {t('wizard.modeAppend')}
            </label>
          </fieldset>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('wizard.reading') : t('wizard.preview')}
            </button>
          </div>
        </form>
      )}
      {state && report && (
        <>
          {Object.entries(state.preview.title)
            .filter(([, title]) => title)
            .map(([lang, title]) => (
              <p key={lang} className="hint" lang={lang}>
                {t('wizard.titleFound', { title })}
              </p>
            ))}
          <div role="status" className={unchecked.length === 0 ? 'import-report aligned' : 'import-report'}>
            <p>
              {flagged.length === 0
                ? report.aligned
                  ? t('preview.aligned')
                  : t('preview.pairedWithNotes')
                : unchecked.length > 0
                  ? t('preview.issues', { count: unchecked.length })
                  : t('preview.allChecked', { count: flagged.length })}
            </p>
            <ul>
              {Object.entries(report.counts).map(([lang, counts]) => (
                <li key={lang}>{countsText(lang, counts)}</li>
              ))}
            </ul>
          </div>
          {unchecked.length > 0 && (
            <ul className="import-flagged">
              {unchecked.map((review) => (
                <li key={review.rowId}>
                  <button type="button" className="button button-quiet" onClick={() => goToRow(review.rowId)}>
                    {t('preview.goToRow', { row: review.index + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {flagged.length > 0 && (
            <label className="import-check import-check-all">
              <input type="checkbox" checked={unchecked.length === 0} onChange={(event) => setState(setAllChecked(state, report, event.target.checked))} />
              {t('preview.checkAll')}
            </label>
          )}
          <PreviewTable
            rows={state.rows}
            languages={languages}
            reviews={report.reviews}
            isChecked={(review) => isChecked(state, review)}
            onCheck={(review, checked) => setState(setChecked(state, review, checked))}
            onCorrect={apply}
            refused={refused}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {unchecked.length > 0 && (
            <p className="hint" id={`${id}-blocked`}>
              {t('preview.importBlocked', { count: unchecked.length })}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || state.rows.length === 0 || unchecked.length > 0}
              aria-describedby={unchecked.length > 0 ? `${id}-blocked` : undefined}
              onClick={confirm}
            >
              {busy ? t('wizard.confirming') : t('wizard.confirm', { count: state.rows.length })}
            </button>
            <button
              type="button"
              className="button"
              disabled={state.operations.length === 0}
              onClick={() => {
                setState(undo(state));
                setRefused(null);
              }}
            >
              {t('preview.undo')} ({t('preview.corrections', { count: state.operations.length })})
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setState(null);
                setError(null);
                setRefused(null);
              }}
            >
              {t('wizard.back')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
