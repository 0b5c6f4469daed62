/** The top of an open document: its title, status and phase, the connection, who is here, and the document's tools (print and download among them). */
import { useTranslation } from 'react-i18next';
import type { DocumentJSON } from '../../../shared/src/api/documents';
import type { DocumentPhase } from '../../../shared/src/policy';
import { Link, paths } from '../app/router';
import type { CollabState } from '../collab/collab-session';
import { DocumentOutput } from '../print';
import { PhaseControl } from '../proposals/phase-control';
import { ConnectionBadge, ReadOnlyBadge } from './connection-badge';
import { PresenceBar } from './presence-bar';

export interface DocumentBarProps {
  doc: DocumentJSON;
  title: string;
  permissions: ReadonlySet<string>;
  state: CollabState;
  readOnlyReason: 'role' | 'server' | null;
  labelOf(clauseId: string): string;
  panelOpen: boolean;
  onShowPanel(): void;
  onPhaseSwitched(phase: DocumentPhase): void;
}

export function DocumentBar({ doc, title, permissions, state, readOnlyReason, labelOf, panelOpen, onShowPanel, onPhaseSwitched }: DocumentBarProps) {
  const { t } = useTranslation();
  return (
    <div className="document-bar">
      <div className="document-heading">
        <h1 className="document-title">{title}</h1>
        <span className={`status-chip status-${doc.status}`}>{t(`common:status.${doc.status}`, { defaultValue: doc.status })}</span>
        <PhaseControl documentId={doc.id} phase={doc.phase} canSwitch={permissions.has('document.set_phase')} onSwitched={onPhaseSwitched} />
      </div>
      <div className="document-tools">
        <ConnectionBadge state={state} />
        {readOnlyReason && <ReadOnlyBadge reason={readOnlyReason} />}
        <PresenceBar labelOf={labelOf} />
        <DocumentOutput doc={doc} />
        {permissions.has('document.import') && doc.status === 'draft' && (
          <Link href={paths.import(doc.id)} className="button">
            {t('workspace:importDrafts')}
          </Link>
        )}
        {permissions.has('document.manage') && (
          <Link href={paths.members(doc.id)} className="button">
            {t('workspace:manageMembers')}
          </Link>
        )}
        {!panelOpen && (
          <button type="button" className="button" onClick={onShowPanel}>
            {t('workspace:panel.show')}
          </button>
        )}
      </div>
    </div>
  );
}
