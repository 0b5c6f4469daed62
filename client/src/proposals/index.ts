/**
 * Proposals in the client: tracked changes a delegation tables in a clause (docs/document-model.md §3.1),
 *  - propose mode in the clause editors (editor/propose-transform.ts, proposal-plugins.ts);
 *  - their colours, margin markers and the three views of the text;
 *  - the side panel with positions and decisions, kept live on the shared store (proposals-store.ts);
 *  - the document's phase in the header.
 */
export { ProposalsStore, type ProposalsData } from './proposals-store';
export { createProposalsStore, proposalActions, useClauseProposals, useOpenProposals, useProposalsStore, type ProposalActions } from './use-proposals';
export { proposalsApi } from './proposals-api';
export { ProposeSwitch, proposeRules, proposing, type ProposalView, type ProposeState } from './propose-switch';
export { proposalPlugins } from './proposal-plugins';
export { ClauseOpenProposals } from './clause-open-proposals';
export { proposalSummary, sponsorOf } from './proposal-format';
export { ProposalStyles } from './proposal-styles';
export { ProposalMarkers } from './proposal-markers';
export { ProposalsPanel } from './proposals-panel';
export { PhaseControl } from './phase-control';
export { ProposalToolbar } from './proposal-toolbar';
export { ProposalEditing, type EditingContext } from './proposal-editing';
export { ReopenDialog } from './reopen-dialog';
export { ReopenRequests } from './reopen-requests';
import './proposals.css';
