/**
 * The packages of a document in React, on the shared live store: usePackagesStore(documentId) keeps the
 * store live while the workspace is open; usePackages(store) reads the list.
 */
import { useMemo } from 'react';
import type { PackageRecord } from '../../../shared/src/api/packages';
import { useLiveSelect, useLiveStart } from '../realtime/use-live';
import { packagesApi } from './packages-api';
import { PackagesStore } from './packages-store';

export function createPackagesStore(documentId: string): PackagesStore {
  return new PackagesStore(documentId, {
    list: async (signal) => (await packagesApi.list(documentId, signal)).packages,
    create: async (body) => (await packagesApi.create(documentId, body)).package,
    update: async (packageId, body) => (await packagesApi.update(documentId, packageId, body)).package,
    remove: (packageId) => packagesApi.remove(documentId, packageId),
  });
}

export function usePackagesStore(documentId: string): PackagesStore {
  const store = useMemo(() => createPackagesStore(documentId), [documentId]);
  useLiveStart(store);
  return store;
}

export function usePackages(store: PackagesStore): readonly PackageRecord[] {
  return useLiveSelect(store, (snapshot) => snapshot.packages);
}
