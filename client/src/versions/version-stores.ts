/**
 * What the versions tab reads from the server, each a live store (realtime/live-store.ts): read when
 * shown, again after a reconnection, and again when an event says it may have changed.
 */
import { SocketEvent } from '../../../shared/src/protocol';
import type { VersionSummary } from '../../../shared/src/api/versions';
import { aboutDocument, LiveStore, RELOAD, resource, type Change, type Subscribe } from '../realtime/live-store';
import { fetchFreezeStatus, fetchRejectedUpdates, fetchSignatureRecord, fetchVersions } from './versions-api';

/** How long the reasons to read the freeze blockers again must rest (typing is one, on every key). */
const FREEZE_SETTLE_MS = 800;

const readAgainWhenAbout = (documentId: string) => (payload: { documentId: string }) => (aboutDocument(documentId, payload) ? RELOAD : null);

export interface VersionList {
  /** Newest first. */
  versions: readonly VersionSummary[];
}

/** The versions of a document; a freeze (the document's status changes) takes one. */
export function versionsStore(documentId: string): LiveStore<VersionList> {
  return new LiveStore<VersionList>({
    initial: { versions: [] },
    load: (signal) => fetchVersions(documentId, signal),
    events: { [SocketEvent.DocumentStatusChanged]: readAgainWhenAbout(documentId) },
  });
}

/** A version this person just took, on top (once, however often it is told). */
export const versionTaken =
  (version: VersionSummary): Change<VersionList> =>
  (held) =>
    held.versions.some((known) => known.id === version.id) ? held : { versions: [version, ...held.versions] };

/**
 * What still blocks the freeze: read again once approvals or confirmations arrive, the status changes,
 * or `changes` (what the blockers derive from, e.g. the approvals store: records and text) rests.
 */
export function freezeStatusStore(documentId: string, changes?: Subscribe) {
  const about = readAgainWhenAbout(documentId);
  return resource((signal) => fetchFreezeStatus(documentId, signal), {
    events: {
      [SocketEvent.ApprovalRecorded]: about,
      [SocketEvent.ApprovalRevoked]: about,
      [SocketEvent.ConcordanceConfirmed]: about,
      [SocketEvent.DocumentStatusChanged]: about,
    },
    reloadWhen: changes ? [changes] : [],
    settleMs: FREEZE_SETTLE_MS,
  });
}

export function signatureRecordStore(documentId: string) {
  return resource((signal) => fetchSignatureRecord(documentId, signal));
}

/** My edits the freeze turned away: they reach the server after a reconnection, or once the text is frozen. */
export function rejectedEditsStore(documentId: string) {
  return resource((signal) => fetchRejectedUpdates(documentId, signal), {
    events: { [SocketEvent.DocumentStatusChanged]: readAgainWhenAbout(documentId) },
  });
}
