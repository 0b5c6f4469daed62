/** A word diff as text: removed words struck through, added words underlined, both named for screen readers. */
import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../shared/src/word-diff';

export function DiffView({ parts, lang }: { parts: readonly DiffPart[]; lang: string }) {
  const { t } = useTranslation();
  return (
    <p className="approval-diff" lang={lang}>
      {parts.map((part, index) => {
        if (part.op === 'equal') return <span key={index}>{part.text}</span>;
        if (part.op === 'insert') {
          return (
            <ins key={index}>
              <span className="visually-hidden">{t('approvals:changes.added')} </span>
              {part.text}
            </ins>
          );
        }
        return (
          <del key={index}>
            <span className="visually-hidden">{t('approvals:changes.removed')} </span>
            {part.text}
          </del>
        );
      })}
    </p>
  );
}
