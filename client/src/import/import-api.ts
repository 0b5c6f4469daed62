/**
 * The REST calls of creating, importing, duplicating and archiving. The upload is multipart (one
 * file part per language, named by its code), so it goes through fetch directly with the same
 * headers `request` sends; every other call uses the shared client.
 */
import { api, ApiError, currentCsrfToken } from '../api/http';
import { documentPath } from '../api/documents';
import { uiLanguage } from '../app/i18n';
import type { PairingReport, PreviewOperation, PreviewRow } from '../../../shared/src/import/types';
import type { Localized } from '../../../shared/src/api/common';
import type { Role } from '../../../shared/src/policy';

export interface NewNegotiation {
  title: Localized;
  languages: string[];
  participants: Array<{ code: string; name: Localized; color: string }>;
  members: Array<{ email: string; role: Role; participant: string | null }>;
}

export interface DirectoryParticipant {
  code: string;
  name: Localized;
  color: string;
}

export interface ImportPreview {
  id: string;
  expiresAt: string;
  languages: string[];
  title: Record<string, string | null>;
  files: Array<{ language: string; name: string; format: 'docx' | 'markdown' | 'text'; bytes: number; structure: string }>;
  rows: PreviewRow[];
  report: PairingReport;
}

export interface ImportResult {
  mode: 'replace' | 'append';
  clauseIds: string[];
  flagged: Array<{ clauseId: string; missing: string[] }>;
}

export const createNegotiation = (input: NewNegotiation) => api.post<{ document: { id: string } }>('/api/documents', input);

export const fetchParticipantDirectory = () => api.get<{ participants: DirectoryParticipant[] }>('/api/participant-directory');

export async function previewImport(documentId: string, files: Record<string, File>): Promise<ImportPreview> {
  const form = new FormData();
  for (const [language, file] of Object.entries(files)) form.append(language, file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': uiLanguage() };
  const token = currentCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`${documentPath(documentId)}/import/preview`, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const payload = (await response.json().catch(() => null)) as { preview?: ImportPreview; error?: { code?: string; message?: string } } | null;
  if (!response.ok || !payload?.preview) {
    throw new ApiError(response.status, payload?.error?.code ?? 'bad_request', payload?.error?.message ?? response.statusText);
  }
  return payload.preview;
}

export const confirmImport = (documentId: string, input: { previewId: string; mode: 'replace' | 'append'; operations: PreviewOperation[] }) =>
  api.post<ImportResult>(`${documentPath(documentId)}/import`, input);

export const duplicateNegotiation = (documentId: string, input: { title: Localized; participants: boolean; members: boolean; text: boolean }) =>
  api.post<{ document: { id: string } }>(`${documentPath(documentId)}/duplicate`, input);

export const archiveNegotiation = (documentId: string) =>
  api.post<{ status: 'archived'; archivedAt: string }>(`${documentPath(documentId)}/archive`, { confirm: true });

export const fetchImportFlags = (documentId: string) =>
  api.get<{ clauses: Array<{ clauseId: string; missing: string[] }> }>(`${documentPath(documentId)}/import/flags`);
