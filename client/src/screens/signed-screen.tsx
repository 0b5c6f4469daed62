/** The signed version: the frozen text's fingerprint, signatories, initialling and exports (each Participant's original), with the way to verify a file. */
import { navigate, paths } from '../app/router';
import { SignedVersionPage } from '../versions';
import { DocumentPage } from './document-page';

export function SignedScreen({ documentId }: { documentId: string }) {
  return (
    <DocumentPage documentId={documentId}>
      {(detail) => <SignedVersionPage documentId={documentId} me={detail.me} onVerify={() => navigate(paths.verify())} />}
    </DocumentPage>
  );
}
