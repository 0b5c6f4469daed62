/**
 * "Download ▾": the draft as PDF or Word, side by side or one language after the other
 * (draft-downloads.ts). A menu button in the WAI-ARIA pattern: Enter, Space or ArrowDown open it on the
 * first choice, the arrows, Home and End move, Escape closes it back onto the button, Tab or a click
 * elsewhere closes it. While a file is prepared the button says so; a failure is reported to the owner
 * (`onError`), translated, which shows it where it belongs.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { DRAFT_CHOICES, draftExportPath, type DraftChoice } from './draft-downloads';
import { downloadFile } from './download-file';

export interface DownloadMenuProps {
  documentId: string;
  /** null: the text now; otherwise the version. */
  versionId: string | null;
  /** The menu's accessible name, which says what is downloaded ("Download the text now as a draft"). */
  label: string;
  /** A failure, as a sentence to show (null: the next attempt began, clear it). */
  onError(message: string | null): void;
  small?: boolean;
  /** Which edge of the button the open menu lines up with: the end where the button sits at the right of its space. */
  align?: 'start' | 'end';
}

export function DownloadMenu({ documentId, versionId, label, onError, small = false, align = 'start' }: DownloadMenuProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const focusFirst = useRef(0);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => () => pending.current?.abort(), []);

  useEffect(() => {
    if (!open) return;
    items.current[focusFirst.current]?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const openAt = (index: number) => {
    focusFirst.current = index;
    setOpen(true);
  };

  const choose = async (choice: DraftChoice) => {
    setOpen(false);
    button.current?.focus();
    setBusy(true);
    onError(null);
    const controller = new AbortController();
    pending.current = controller;
    try {
      await downloadFile(draftExportPath(documentId, versionId, choice), `draft.${choice.format}`, controller.signal);
    } catch (caught) {
      if ((caught as Error).name !== 'AbortError') onError(t('print:download.failed', { reason: errorMessage(caught) }));
    } finally {
      if (pending.current === controller) pending.current = null;
      setBusy(false);
    }
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (busy) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(DRAFT_CHOICES.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const move = (index: number) => items.current[(index + DRAFT_CHOICES.length) % DRAFT_CHOICES.length]?.focus();
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(DRAFT_CHOICES.length - 1);
    else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="download-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={`button${small ? ' button-small' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={busy ? `${label}: ${t('print:download.busy')}` : label}
        aria-busy={busy}
        // Not `disabled`: the button keeps the focus the menu gave back to it while the file is prepared.
        aria-disabled={busy}
        onClick={() => {
          if (busy) return;
          if (open) setOpen(false);
          else openAt(0);
        }}
        onKeyDown={onButtonKey}
      >
        {busy ? t('print:download.busy') : t('print:download.button')}
        <span aria-hidden="true" className="download-menu-caret">
          ▾
        </span>
      </button>
      {open && (
        <ul id={`${id}-menu`} role="menu" aria-label={label} className={`download-menu-list download-menu-${align}`} onKeyDown={onMenuKey}>
          {DRAFT_CHOICES.map((choice, index) => (
            <li key={choice.label} role="none">
              <button
                ref={(item) => {
                  items.current[index] = item;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => void choose(choice)}
              >
                {t(`print:download.${choice.label}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
