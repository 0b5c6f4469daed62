import { api } from './http';
import type { DocumentDetail, DocumentSummary } from '../../../shared/src/api/documents';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const listDocuments = () => api.get<{ documents: DocumentSummary[] }>('/api/documents');

export const getDocument = (documentId: string) => api.get<DocumentDetail>(base(documentId));

export const fetchCollabToken = (documentId: string) => api.post<{ token: string; expiresAt: string }>(`${base(documentId)}/collab-token`, {});

export { base as documentPath };
