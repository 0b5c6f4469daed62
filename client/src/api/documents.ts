import { api } from './http';
import type { DocumentDetail, DocumentSummary, VisitAnswer } from '../../../shared/src/api/documents';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const listDocuments = () => api.get<{ documents: DocumentSummary[] }>('/api/documents');

export const getDocument = (documentId: string) => api.get<DocumentDetail>(base(documentId));

export const fetchCollabToken = (documentId: string) => api.post<{ token: string; expiresAt: string }>(`${base(documentId)}/collab-token`, {});

export { base as documentPath };

/** Tells the server I have the negotiation open now ("since my last visit" counts from here). */
export const recordVisit = (documentId: string) => api.put<VisitAnswer>(`${base(documentId)}/visit`, {});
