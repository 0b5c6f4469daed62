/**
 * What a person reads when something failed, wherever it is shown: the server's own sentence for an
 * API error (it answered in the person's language), ours when the server could not be reached — never a
 * browser's "Failed to fetch" — and ours when what failed was not the API.
 */
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** How browsers word a fetch that got no answer (Chromium, Firefox, Safari; Node's fetch). */
const FETCH_FAILED = /failed to fetch|networkerror|load failed|fetch failed|network request failed/i;

/** The request never reached the server (or its answer never came back): offline, DNS, a dropped connection. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'network';
  if (error instanceof TypeError && FETCH_FAILED.test(error.message)) return true;
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (isNetworkFailure(error)) return t('common:errors.network');
  if (error instanceof ApiError && error.message) return error.message;
  return t('common:errors.unexpected');
}

/** `errorMessage` in the interface language now. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorMessage(t, error), [t]);
}
