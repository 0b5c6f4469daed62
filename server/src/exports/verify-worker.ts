/**
 * The verification thread's entry point (started by verify-thread.ts): each task is one uploaded file,
 * checked by verifyFile; whether its fingerprint names a version held here is asked of the main
 * thread, which has the database. The envelope stays here: the answer never carries it.
 */
import { serveTasks } from '../threads/serve-tasks';
import { verifyFile } from './verify-file';
import type { VerifyReply, VerifyRequest } from './verify-thread';

serveTasks<VerifyRequest, VerifyReply, string, boolean>(async ({ bytes }, { ask }) => {
  const { envelope: _envelope, ...result } = await verifyFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { isKnown: ask });
  return result;
});
