/**
 * Hocuspocus (`@hocuspocus/server`, from bench/peers/node_modules) as its own process for the collab
 * benchmark: defaults, no extensions, documents kept in memory only (no persistence, like the
 * reference server). Listens on 127.0.0.1:$PORT (0 = any free port) and prints the port it got.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`hocuspocus listening on ${server.address.port}\n`);
