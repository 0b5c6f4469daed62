import type http from 'node:http';
import { Server } from 'socket.io';
import type { AppContext } from '../context';

/** socket.io for application events (never Yjs traffic), on the same HTTP server. */
export function attachSocketServer(_ctx: AppContext, httpServer: http.Server): Server {
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 1e6, destroyUpgrade: false });
  return io;
}
