/** The keyboard shortcuts of the workspace, grouped, in the person's language and for their keyboard. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../approvals/modal';
import { SHORTCUT_GROUPS, SHORTCUTS, shortcutLabel } from './shortcuts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('editing:shortcuts.title')} onClose={onClose} className="shortcuts-dialog">
      {/* The list scrolls on a short screen: it takes focus so the keyboard can scroll it too. */}
      <div className="shortcut-groups" role="region" aria-label={t('editing:shortcuts.title')} tabIndex={0}>
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} className="shortcut-group">
            <h3>{t(`editing:shortcuts.group.${group}`)}</h3>
            <table className="shortcut-table">
              <tbody>
                {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                  <tr key={shortcut.action} data-action={shortcut.action}>
                    <th scope="row">{t(`editing:shortcuts.action.${shortcut.action}`)}</th>
                    <td>
                      {shortcut.keys.map((keys, index) => (
                        <Fragment key={keys}>
                          {index > 0 && <span className="shortcut-or"> {t('editing:shortcuts.or')} </span>}
                          <kbd>{shortcutLabel(keys)}</kbd>
                        </Fragment>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Modal>
  );
}
