/** The negotiations I am a member of (GET /api/documents), with the failure and a way to ask again. */
import { useMemo } from 'react';
import { listDocuments } from '../api/documents';
import type { DocumentSummary } from '../../../shared/src/api/documents';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';

export function useMyNegotiations(): { documents: DocumentSummary[] | null; error: unknown; reload(): void } {
  const list = useLive(useMemo(() => resource(async () => (await listDocuments()).documents, { reconnect: false }), []));
  return {
    documents: list.value,
    error: list.error,
    reload: () => {
      void list.reload();
    },
  };
}
