/**
 * A clause's own menu, beside its number: copy a link to it (an address that opens the workspace
 * on this clause, for an e-mail or a chat), and its comments. Every reader has it; the structure
 * controls stay in the row's toolbar for those who may change the structure.
 */
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuButton, type MenuItem } from '../components/menu-button';
import { useToasts } from '../components/toasts';
import { paths } from '../app/router';
import { FeaturesContext } from '../workspace/features-context';
import { useWorkspace } from '../workspace/workspace-context';
import { copyText } from './copy-text';

const MoreIcon = () => (
  <svg className="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor">
    <circle cx="4.5" cy="10" r="1.6" />
    <circle cx="10" cy="10" r="1.6" />
    <circle cx="15.5" cy="10" r="1.6" />
  </svg>
);

/** The address of a clause, absolute, as it is pasted elsewhere. */
export function clauseUrl(documentId: string, clauseId: string): string {
  return new URL(paths.clause(documentId, clauseId), window.location.origin).href;
}

export function ClauseMenu({ clauseId, label }: { clauseId: string; label: string }) {
  const { t } = useTranslation();
  const { collab } = useWorkspace();
  const features = useContext(FeaturesContext);
  const toasts = useToasts();

  async function copyLink() {
    const url = clauseUrl(collab.documentId, clauseId);
    if (await copyText(url)) {
      // The toast is announced to screen readers too.
      toasts.show({ message: t('navigation:link.copied', { label }) });
    } else {
      toasts.show({ message: t('navigation:link.copyFailed', { url }), tone: 'error', duration: 0 });
    }
  }

  const items: MenuItem[] = [{ key: 'link', label: t('navigation:link.copy'), onSelect: () => void copyLink() }];
  if (features) items.push({ key: 'comments', label: t('navigation:menu.comments'), onSelect: () => features.showComments(clauseId) });
  return <MenuButton className="icon-button clause-menu-button" label={t('navigation:menu.label', { label })} icon={<MoreIcon />} items={items} />;
}
