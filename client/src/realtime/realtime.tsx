/**
 * socket.io carries application events (never Yjs traffic): which document a person has open, and the
 * server telling the client that the session ended.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent } from '../../../shared/src/protocol';

const RealtimeContext = createContext<Socket | null>(null);

export function RealtimeProvider({ active, onSessionEnded, children }: { active: boolean; onSessionEnded: () => void; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);

  useEffect(() => {
    if (!active) return;
    const next = io({ path: '/socket.io', withCredentials: true });
    next.on(SocketEvent.SessionEnded, onSessionEnded);
    setSocket(next);
    return () => {
      next.off(SocketEvent.SessionEnded, onSessionEnded);
      next.disconnect();
      setSocket(null);
    };
  }, [active, onSessionEnded]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The socket.io connection of the signed-in person (null until connected once), for features that listen to its events. */
export function useRealtimeSocket(): Socket | null {
  return useContext(RealtimeContext);
}

/** Joins the document's channel while the component is mounted, again after every reconnection. */
export function useDocumentChannel(documentId: string): void {
  const socket = useContext(RealtimeContext);
  useEffect(() => {
    if (!socket) return;
    const join = () => { socket.timeout(10_000).emit(SocketEvent.JoinDocument, { documentId }, () => undefined); };
    if (socket.connected) join();
    socket.on('connect', join);
    return () => {
      socket.off('connect', join);
      if (socket.connected) socket.emit(SocketEvent.LeaveDocument, { documentId });
    };
  }, [socket, documentId]);
}
