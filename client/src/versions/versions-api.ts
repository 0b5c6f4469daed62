/** The versions, freeze, exports and verification API (docs/api.md, "Exports and verification"). */
import { api, ApiError } from '../api/http';
import { uiLanguage } from '../app/i18n';
import type {
  ActivityEvent,
  Comparison,
  ExportFormat,
  ExportLayout,
  FreezeStatus,
  RejectedUpdates,
  SignatureBody,
  Verification,
  VersionSummary,
} from '../../../shared/src/api/versions';
import type { SignatureRecord, VersionRecord } from '../../../shared/src/versions/version-record';

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export interface VersionDetail {
  version: VersionSummary;
  record: VersionRecord;
  plainTexts: Record<string, Record<string, string>>;
}

export const fetchVersions = (documentId: string, signal?: AbortSignal) =>
  api.get<{ versions: VersionSummary[] }>(`${documentPath(documentId)}/versions`, { signal });

export const takeVersion = (documentId: string, name: string) => api.post<{ version: VersionSummary }>(`${documentPath(documentId)}/versions`, { name });

export const fetchVersion = (documentId: string, versionId: string, signal?: AbortSignal) =>
  api.get<VersionDetail>(`${documentPath(documentId)}/versions/${encodeURIComponent(versionId)}`, { signal });

/** The redline; `withProposals`: each side with the open proposals it held (redline [R5]). */
export const fetchComparison = (documentId: string, from: string, to: string | 'current', withProposals: boolean, signal?: AbortSignal) =>
  api.get<Comparison>(
    `${documentPath(documentId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${withProposals ? '&proposals=include' : ''}`,
    { signal },
  );

export const fetchFreezeStatus = (documentId: string, signal?: AbortSignal) => api.get<FreezeStatus>(`${documentPath(documentId)}/freeze`, { signal });

export const freezeText = (documentId: string) => api.post<{ version: VersionSummary }>(`${documentPath(documentId)}/freeze`, { confirm: true });

export const fetchSignatureRecord = (documentId: string, signal?: AbortSignal) =>
  api.get<{ signature: SignatureRecord | null }>(`${documentPath(documentId)}/signature-record`, { signal });

export const saveSignatureRecord = (documentId: string, body: SignatureBody) =>
  api.post<{ signature: SignatureRecord }>(`${documentPath(documentId)}/signature-record`, body);

export const fetchRejectedUpdates = (documentId: string, signal?: AbortSignal) =>
  api.get<RejectedUpdates>(`${documentPath(documentId)}/rejected-updates`, { signal });

export const fetchActivity = (documentId: string, before: string | null, signal?: AbortSignal) =>
  api.get<{ events: ActivityEvent[]; nextBefore: string | null }>(
    `${documentPath(documentId)}/activity?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`,
    { signal },
  );

/** Where a version's export is downloaded from (a plain link: the browser sends the session cookie). */
export const exportUrl = (documentId: string, versionId: string, format: ExportFormat, layout: ExportLayout) =>
  `${documentPath(documentId)}/versions/${encodeURIComponent(versionId)}/export?format=${format}&layout=${layout}`;

/** Sends a file as it is, byte for byte, to be checked. Public: no session or CSRF token needed. */
export async function verifyUpload(file: Blob): Promise<Verification> {
  let response: Response;
  try {
    response = await fetch('/api/verify', {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', 'Accept-Language': uiLanguage() },
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const payload = (await response.json().catch(() => null)) as (Verification & { error?: { code: string; message: string } }) | null;
  if (!response.ok || !payload) throw new ApiError(response.status, payload?.error?.code ?? 'internal', payload?.error?.message ?? response.statusText);
  return payload;
}
