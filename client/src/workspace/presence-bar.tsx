/** Who is in the document now, in their delegation's color, and where each of them is. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { initials, presenceName } from '../collab/presence';
import { languageName } from '../app/format';
import { useWorkspace } from './workspace-context';

export function PresenceBar({ labelOf }: { labelOf: (clauseId: string) => string }) {
  const { t } = useTranslation();
  const { presence } = useWorkspace();
  const peers = useSyncExternalStore(presence.subscribe, presence.getSnapshot);

  return (
    <ul className="presence-bar" aria-label={t('workspace:presence.listLabel', { count: peers.length })}>
      {peers.map((peer) => {
        const where =
          peer.focus && labelOf(peer.focus.clauseId)
            ? t('workspace:presence.where', { label: labelOf(peer.focus.clauseId), language: languageName(peer.focus.language) })
            : t('workspace:presence.inDocument');
        const who = presenceName(peer.user, t);
        const description = peer.isSelf ? t('workspace:presence.you', { who, where }) : t('workspace:presence.other', { who, where });
        return (
          <li key={peer.clientId} className={`avatar${peer.isSelf ? ' avatar-self' : ''}`} style={{ backgroundColor: peer.user.color }} title={description}>
            <span aria-hidden="true">{initials(peer.user.name)}</span>
            <span className="visually-hidden">{description}</span>
          </li>
        );
      })}
    </ul>
  );
}
