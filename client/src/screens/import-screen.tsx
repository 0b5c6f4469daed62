/** Importing drafts into a document (secretariat, before any approval). */
import { navigate, paths } from '../app/router';
import { ImportWizard } from '../import';
import { DocumentPage } from './document-page';

export function ImportScreen({ documentId }: { documentId: string }) {
  return (
    <DocumentPage documentId={documentId} requires="document.import">
      {(detail) => <ImportWizard documentId={documentId} languages={detail.document.languages} onOpen={() => navigate(paths.workspace(documentId))} />}
    </DocumentPage>
  );
}
