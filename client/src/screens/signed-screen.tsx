/** The signed version: the frozen text's fingerprint and its exports, with the way to verify a file. */
import { navigate, paths } from '../app/router';
import { SignedVersionPage } from '../versions';
import { DocumentPage } from './document-page';

export function SignedScreen({ documentId }: { documentId: string }) {
  return <DocumentPage documentId={documentId}>{() => <SignedVersionPage documentId={documentId} onVerify={() => navigate(paths.verify())} />}</DocumentPage>;
}
