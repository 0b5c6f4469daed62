/**
 * The wire constants of shared/src/protocol.ts are the whole truth: every close code the server sends
 * is declared there (no bare numbers), every declared code is sent somewhere, and every socket.io event
 * is sent or handled by the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CloseCode, SocketEvent } from '../../../shared/src/protocol';

const SERVER = path.resolve(__dirname, '../../../server/src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

const server = sources(SERVER).join('\n');

it('sends every declared close code somewhere in the server', () => {
  const unsent = Object.keys(CloseCode).filter((name) => !server.includes(`CloseCode.${name}`));
  expect(unsent).toEqual([]);
});

it('closes sockets only with declared close codes, never with a bare number', () => {
  const bare = [...server.matchAll(/\.close\(\s*(\d{4})/g)].map((m) => m[1]);
  expect(bare).toEqual([]);
});

it('sends or handles every declared socket.io event in the server', () => {
  const unused = Object.keys(SocketEvent).filter((name) => !server.includes(`SocketEvent.${name}`));
  expect(unused).toEqual([]);
});
