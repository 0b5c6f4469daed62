/**
 * socket.io carries application events (never Yjs traffic): which document a person has open, and the
 * server telling the client that the session ended.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent } from '../../../shared/src/protocol';

const RealtimeContext = createContext<Socket | null>(null);

export function RealtimeProvider({ active, onSessionEnded, children }: { active: boolean; onSessionEnded: () => void; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);

  useEffect(() => {
    if (!active) return;
    const next = io({ path: '/socket.io', withCredentials: true });
    next.on(SocketEvent.SessionEnded, onSessionEnded);
    // A handshake refused for the session (expired while the page slept) is not retried by socket.io.
    next.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'unauthenticated' || error.data?.code === 'session_expired') onSessionEnded();
    });
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

/**
 * Joins the document's channel while the component is mounted, again after every reconnection, and
 * reports when my access to it changed (role changed, or membership removed).
 */
export function useDocumentChannel(documentId: string, onAccessChanged?: (removed: boolean) => void): void {
  const socket = useContext(RealtimeContext);
  const latest = useRef(onAccessChanged);
  latest.current = onAccessChanged;
  useEffect(() => {
    if (!socket) return;
    const join = () => { socket.timeout(10_000).emit(SocketEvent.JoinDocument, { documentId }, () => undefined); };
    const accessChanged = (payload: { documentId?: unknown; removed?: unknown }) => {
      if (payload?.documentId === documentId) latest.current?.(payload.removed === true);
    };
    if (socket.connected) join();
    socket.on('connect', join);
    socket.on(SocketEvent.AccessChanged, accessChanged);
    return () => {
      socket.off('connect', join);
      socket.off(SocketEvent.AccessChanged, accessChanged);
      if (socket.connected) socket.emit(SocketEvent.LeaveDocument, { documentId });
    };
  }, [socket, documentId]);
}
