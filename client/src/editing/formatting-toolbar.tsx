/**
 * Bold, italic, underline and the two lists, acting on the clause text the person is in (ActiveEditor).
 * Each button says its shortcut (title and aria-keyshortcuts), shows whether it applies (aria-pressed),
 * and stays reachable when it cannot be used (aria-disabled, the reason in its title): in a text the
 * person may not edit, and, for the lists, in propose mode, where structure cannot be proposed.
 */
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from 'prosemirror-state';
import type { ActiveEditorState } from './active-editor';
import { toggleListCommand, toggleMarkCommand, type ListName, type MarkName } from './format-commands';
import { BulletListIcon, OrderedListIcon } from './editing-icons';
import { IS_MAC, SHORTCUTS, shortcutLabel } from './shortcuts';

const MARK_ACTIONS: Record<MarkName, string> = { strong: 'bold', em: 'italic', underline: 'underline' };
const LIST_ACTIONS: Record<ListName, string> = { bullet_list: 'bulletList', ordered_list: 'orderedList' };

/** "Control+B" for aria-keyshortcuts (its own spelling of modifiers). */
export function ariaKeys(action: string): string {
  const keys = SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys[0] ?? '';
  return keys
    .split(/-(?!$)/)
    .map((part) => (part === 'Mod' ? (IS_MAC ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

export function FormatButton({
  action,
  pressed,
  blocked,
  onRun,
  className,
  children,
}: {
  action: string;
  /** Whether it applies here (a toggle); undefined for a button that opens something. */
  pressed?: boolean;
  /** Why the button cannot be used now, or null. */
  blocked: string | null;
  onRun(): void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const name = t(`editing:toolbar.${action}`);
  const keys = SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys[0];
  const described = keys ? t('editing:toolbar.withShortcut', { action: name, keys: shortcutLabel(keys) }) : name;
  return (
    <button
      type="button"
      className={`icon-button format-button${className ? ` ${className}` : ''}`}
      data-action={action}
      aria-label={name}
      aria-keyshortcuts={ariaKeys(action) || undefined}
      aria-pressed={pressed}
      aria-haspopup={pressed === undefined && action === 'shortcuts' ? 'dialog' : undefined}
      aria-disabled={blocked ? true : undefined}
      title={blocked ? `${described} — ${blocked}` : described}
      // Keep the caret (and the selection) in the text while the mouse presses the button.
      onMouseDown={(event: MouseEvent) => event.preventDefault()}
      onClick={() => {
        if (!blocked) onRun();
      }}
    >
      {children}
    </button>
  );
}

export function FormattingButtons({ active, canEditText, proposing }: { active: ActiveEditorState; canEditText: boolean; proposing: boolean }) {
  const { t } = useTranslation();
  const blocked = !canEditText
    ? t('editing:toolbar.readOnly')
    : !active.view
      ? t('editing:toolbar.noText')
      : !active.editable
        ? t('editing:toolbar.readOnly')
        : null;
  const listBlocked = blocked ?? (proposing ? t('editing:toolbar.listsInProposeMode') : null);

  function run(command: Command) {
    const view = active.view;
    if (!view || view.isDestroyed) return;
    command(view.state, view.dispatch, view);
    view.focus();
  }

  return (
    <>
      {(Object.keys(MARK_ACTIONS) as MarkName[]).map((mark) => (
        <FormatButton
          key={mark}
          action={MARK_ACTIONS[mark]}
          pressed={!blocked && active.marks[mark]}
          blocked={blocked}
          className={`format-${mark}`}
          onRun={() => run(toggleMarkCommand(mark))}
        >
          <span aria-hidden="true">{t(`editing:toolbar.glyph.${MARK_ACTIONS[mark]}`)}</span>
        </FormatButton>
      ))}
      <span className="toolbar-separator" aria-hidden="true" />
      {(Object.keys(LIST_ACTIONS) as ListName[]).map((list) => (
        <FormatButton
          key={list}
          action={LIST_ACTIONS[list]}
          pressed={!blocked && active.list === list}
          blocked={listBlocked}
          onRun={() => run(toggleListCommand(list))}
        >
          {list === 'bullet_list' ? <BulletListIcon /> : <OrderedListIcon />}
        </FormatButton>
      ))}
    </>
  );
}
