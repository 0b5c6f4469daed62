/** The negotiations I am a member of (GET /api/documents), with the failure and a way to ask again. */
import { useEffect, useState } from 'react';
import { listDocuments } from '../api/documents';
import type { DocumentSummary } from '../api/types';

export function useMyNegotiations(): { documents: DocumentSummary[] | null; error: unknown; reload(): void } {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    listDocuments().then(
      (answer) => { if (!cancelled) setDocuments(answer.documents); },
      (failure: unknown) => { if (!cancelled) setError(failure); },
    );
    return () => { cancelled = true; };
  }, [attempt]);

  return { documents, error, reload: () => setAttempt((n) => n + 1) };
}
