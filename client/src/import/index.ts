/**
 * Creating negotiations and importing drafts, for the app's routes and menus to mount:
 *   <NewNegotiationForm onCreated={(id) => navigate(paths.workspace(id))} />
 *   <ImportWizard documentId={id} languages={document.languages} onOpen={…} />   (permission 'document.import')
 *   <DuplicateForm …/>                                                            (permission 'document.duplicate')
 *   <ArchiveButton …/>                                                            (permission 'document.archive')
 */
import './import.css';

export { NewNegotiationForm } from './new-negotiation-form';
export { ImportWizard } from './import-wizard';
export { PreviewTable } from './preview-table';
export { DuplicateForm, ArchiveButton } from './document-actions';
export * from './import-api';
