/**
 * Changes of an open document that change what I may do in it: its status (frozen, archived) and its
 * phase (drafting, negotiation). Either reads the document's detail again (each panel's store reads
 * itself again).
 */
import { useEffect } from 'react';
import { SocketEvent } from '../../../shared/src/protocol';
import { useRealtimeSocket } from '../realtime/realtime';

export function useDocumentChanges(documentId: string, reload: () => void): void {
  const socket = useRealtimeSocket();
  useEffect(() => {
    if (!socket) return;
    const changed = (payload: { documentId?: unknown }) => {
      if (payload?.documentId === documentId) reload();
    };
    socket.on(SocketEvent.DocumentStatusChanged, changed);
    socket.on(SocketEvent.DocumentPhaseChanged, changed);
    return () => {
      socket.off(SocketEvent.DocumentStatusChanged, changed);
      socket.off(SocketEvent.DocumentPhaseChanged, changed);
    };
  }, [socket, documentId, reload]);
}
