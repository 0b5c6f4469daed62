/**
 * socket.io carries application events (never Yjs traffic): which document a person has open, and the
 * server telling the client that the session ended.
 */
import { createContext, useContext, useEffect, useEffectEvent, useMemo, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SocketEvent, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '../../../shared/src/protocol';

/** The socket.io connection, typed by the events of shared/src/protocol.ts. */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RealtimeContext = createContext<RealtimeSocket | null>(null);

export function RealtimeProvider({ active, onSessionEnded, children }: { active: boolean; onSessionEnded: () => void; children: ReactNode }) {
  // Made (unconnected: nothing happens yet) while someone is signed in; connected while mounted below.
  const socket = useMemo<RealtimeSocket | null>(() => {
    if (!active) return null;
    const auth: HandshakeAuth = { protocol: PROTOCOL_VERSION };
    return io({ path: '/socket.io', withCredentials: true, auth, autoConnect: false });
  }, [active]);

  useEffect(() => {
    if (!socket) return;
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket]);

  useEffect(() => {
    if (!socket) return;
    // A handshake refused for the session (expired while the page slept) is not retried by socket.io.
    const refused = (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'unauthenticated' || error.data?.code === 'session_expired') onSessionEnded();
      // The server speaks a newer version of the events (it was upgraded while this page was open).
      if (error.data?.code === 'client_outdated') window.location.reload();
    };
    socket.on(SocketEvent.SessionEnded, onSessionEnded);
    socket.on('connect_error', refused);
    return () => {
      socket.off(SocketEvent.SessionEnded, onSessionEnded);
      socket.off('connect_error', refused);
    };
  }, [socket, onSessionEnded]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The socket.io connection of the signed-in person (null while nobody is), for features that listen to its events. */
export function useRealtimeSocket(): RealtimeSocket | null {
  return useContext(RealtimeContext);
}

/**
 * Joins the document's channel while the component is mounted, again after every reconnection, and
 * reports when my access to it changed (role changed, or membership removed).
 */
export function useDocumentChannel(documentId: string, onAccessChanged?: (removed: boolean) => void): void {
  const socket = useContext(RealtimeContext);
  // The caller's latest callback, without joining again when it changes.
  const tellAccessChanged = useEffectEvent((removed: boolean) => onAccessChanged?.(removed));
  useEffect(() => {
    if (!socket) return;
    const join = () => {
      socket.timeout(10_000).emit(SocketEvent.JoinDocument, { documentId }, () => undefined);
    };
    const accessChanged = (payload: { documentId: string; removed: boolean }) => {
      if (payload.documentId === documentId) tellAccessChanged(payload.removed);
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
