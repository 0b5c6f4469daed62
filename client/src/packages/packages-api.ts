/** The packages API (docs/api.md, "Packages"). */
import { api } from '../api/http';
import type { CreatePackageBody, PackageList, PackageRecord, UpdatePackageBody } from '../../../shared/src/api/packages';

const packagesPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/packages`;

export const packagesApi = {
  list: (documentId: string, signal?: AbortSignal) => api.get<PackageList>(packagesPath(documentId), { signal }),
  create: (documentId: string, body: CreatePackageBody) => api.post<{ package: PackageRecord }>(packagesPath(documentId), body),
  update: (documentId: string, packageId: string, body: UpdatePackageBody) =>
    api.patch<{ package: PackageRecord }>(`${packagesPath(documentId)}/${encodeURIComponent(packageId)}`, body),
  remove: (documentId: string, packageId: string) => api.delete(`${packagesPath(documentId)}/${encodeURIComponent(packageId)}`),
};
