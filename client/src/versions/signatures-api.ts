/** The signature conventions after the freeze (docs/api.md, "Signature conventions"): attestations, initialling, confirmations. */
import { api } from '../api/http';
import { SocketEvent } from '../../../shared/src/protocol';
import { aboutDocument, RELOAD, resource } from '../realtime/live-store';
import type { AttestationsAnswer, ConfirmAdReferendumBody, InitialBody } from '../../../shared/src/api/signatures';
import type { ExportFormat, ExportLayout } from '../../../shared/src/api/versions';

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const fetchAttestations = (documentId: string, signal?: AbortSignal) =>
  api.get<AttestationsAnswer>(`${documentPath(documentId)}/signature/attestations`, { signal });

export const initialSignedText = (documentId: string, body: InitialBody) =>
  api.post<AttestationsAnswer>(`${documentPath(documentId)}/signature/initials`, body);

export const confirmSignatureAdReferendum = (documentId: string, body: ConfirmAdReferendumBody) =>
  api.post<AttestationsAnswer>(`${documentPath(documentId)}/signature/confirmations`, body);

/** Where one Participant's original of the signed version is downloaded from (a plain link). */
export const originalExportUrl = (documentId: string, versionId: string, participantId: string, format: ExportFormat, layout: ExportLayout) =>
  `${documentPath(documentId)}/versions/${encodeURIComponent(versionId)}/export?format=${format}&layout=${layout}&original=${encodeURIComponent(participantId)}`;

/** What was attested on the signed text: read again when someone initials or a confirmation is recorded, or the text is frozen. */
export function attestationsStore(documentId: string) {
  const about = (payload: { documentId: string }) => (aboutDocument(documentId, payload) ? RELOAD : null);
  return resource((signal) => fetchAttestations(documentId, signal), {
    events: { [SocketEvent.SignatureAttested]: about, [SocketEvent.DocumentStatusChanged]: about },
  });
}
