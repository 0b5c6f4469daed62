/**
 * The packages of one document as this client knows them, on the shared live store
 * (realtime/live-store.ts): read over REST (again after every reconnection), kept current by socket.io
 * `package:changed` / `package:deleted` and by the answers to this person's own actions. A package is
 * replaced only by a newer state of it (its `updatedAt`), so a late event changes nothing.
 */
import { SocketEvent } from '../../../shared/src/protocol';
import type { CreatePackageBody, PackageRecord, UpdatePackageBody } from '../../../shared/src/api/packages';
import { aboutDocument, LiveStore, type Change } from '../realtime/live-store';

export interface PackagesData {
  /** Oldest first, as the server lists them. */
  packages: readonly PackageRecord[];
}

/** The requests the store makes (packages-api.ts in the app; fakes in tests). */
export interface PackagesApi {
  list(signal: AbortSignal): Promise<readonly PackageRecord[]>;
  create(body: CreatePackageBody): Promise<PackageRecord>;
  update(packageId: string, body: UpdatePackageBody): Promise<PackageRecord>;
  remove(packageId: string): Promise<void>;
}

export const packageSaved =
  (record: PackageRecord): Change<PackagesData> =>
  (held) => {
    const at = held.packages.findIndex((p) => p.id === record.id);
    if (at < 0) return { packages: [...held.packages, record] };
    const before = held.packages[at];
    if (before.updatedAt > record.updatedAt || JSON.stringify(before) === JSON.stringify(record)) return held;
    return { packages: held.packages.map((p, i) => (i === at ? record : p)) };
  };

export const packageRemoved =
  (packageId: string): Change<PackagesData> =>
  (held) =>
    held.packages.some((p) => p.id === packageId) ? { packages: held.packages.filter((p) => p.id !== packageId) } : held;

export class PackagesStore extends LiveStore<PackagesData> {
  constructor(
    readonly documentId: string,
    private readonly api: PackagesApi,
  ) {
    super({
      initial: { packages: [] },
      load: async (signal) => ({ packages: await api.list(signal) }),
      // Keep the objects of packages the answer says the same about (a package's row re-renders only when it changed).
      merge: (loaded, held) => ({
        packages: loaded.packages.map((p) => {
          const before = held.packages.find((h) => h.id === p.id);
          return before && JSON.stringify(before) === JSON.stringify(p) ? before : p;
        }),
      }),
      events: {
        [SocketEvent.PackageChanged]: (event) => (aboutDocument(documentId, event) ? packageSaved(event.package) : null),
        [SocketEvent.PackageDeleted]: (event) => (aboutDocument(documentId, event) ? packageRemoved(event.packageId) : null),
      },
    });
  }

  async create(body: CreatePackageBody): Promise<PackageRecord> {
    const record = await this.api.create(body);
    this.apply(packageSaved(record));
    return record;
  }

  async update(packageId: string, body: UpdatePackageBody): Promise<PackageRecord> {
    const record = await this.api.update(packageId, body);
    this.apply(packageSaved(record));
    return record;
  }

  async remove(packageId: string): Promise<void> {
    await this.api.remove(packageId);
    this.apply(packageRemoved(packageId));
  }
}
