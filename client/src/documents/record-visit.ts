/**
 * The workspace records my visit as it opens and again as it closes, so that "My negotiations" counts
 * what others did after I last had the negotiation in front of me. A visit that cannot be recorded
 * (offline, signed out meanwhile) changes nothing anyone sees: the next one will be.
 */
import { useEffect } from 'react';
import { recordVisit } from '../api/documents';

const quietly = (documentId: string) => void recordVisit(documentId).catch(() => undefined);

export function useRecordVisit(documentId: string): void {
  useEffect(() => {
    quietly(documentId);
    return () => quietly(documentId);
  }, [documentId]);
}
