/**
 * Every request to the REST API goes through here: JSON in and out, the session cookie, the CSRF header
 * on writes, the interface language in Accept-Language, and `{ error: { code, message } }` turned into
 * an ApiError whose message the server already translated.
 */
import { uiLanguage } from '../app/i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's stable error code, or 'network' when the server could not be reached. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token of the session, for requests made without `request` (multipart uploads). */
export const currentCsrfToken = (): string | null => csrfToken;

/** Called when a request that needed a session got 401: the session ended elsewhere. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  /** Login and invitation acceptance have no CSRF token yet. */
  csrf?: boolean;
  /** Whether a 401 means "the session ended" (false for GET /api/me and login). */
  expectSession?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const { csrf = method !== 'GET', expectSession = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': uiLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : statusCode(response.status);
    const message = typeof error?.message === 'string' ? error.message : response.statusText;
    if (response.status === 401 && expectSession) for (const listener of unauthenticatedListeners) listener();
    throw new ApiError(response.status, code, message);
  }
  return payload as T;
}

function statusCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
