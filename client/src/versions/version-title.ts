/** How a version is called in the interface: its name, or what kind of version it is and when. */
import type { TFunction } from 'i18next';
import { formatDateTime } from '../app/format';
import type { VersionSummary } from '../../../shared/src/api/versions';

export function versionTitle(t: TFunction, version: Pick<VersionSummary, 'kind' | 'name' | 'takenAt'>): string {
  if (version.name) return version.name;
  if (version.kind === 'frozen') return t('versions:list.frozenName');
  return t('versions:list.automaticName', { date: formatDateTime(version.takenAt) });
}
