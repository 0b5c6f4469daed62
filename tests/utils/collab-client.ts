import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** ws with an Origin header, as a browser would send: the collab endpoint refuses upgrades without one. */
export function originWebSocket(origin: string, headers: Record<string, string> = {}): typeof WebSocket {
  return class OriginWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, ...headers } });
    }
  } as unknown as typeof WebSocket;
}

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced(): Promise<void>;
  destroy(): void;
}

/** The stock y-websocket provider, pointed at a test server. */
export function connectClient(
  baseWsUrl: string,
  documentId: string,
  options: { params?: Record<string, string>; headers?: Record<string, string>; doc?: Y.Doc; connect?: boolean } = {},
): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const origin = baseWsUrl.replace(/^ws/, 'http');
  const provider = new WebsocketProvider(`${baseWsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: originWebSocket(origin, options.headers) as never,
    params: options.params ?? {},
    connect: options.connect ?? true,
    disableBc: true,
  });
  return {
    doc,
    provider,
    synced: () =>
      new Promise((resolve) => {
        if (provider.synced) resolve();
        else
          provider.once('sync', (isSynced: boolean) => {
            if (isSynced) resolve();
          });
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
