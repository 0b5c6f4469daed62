/**
 * A file from the API, saved by the browser under the name the server gave it. Fetched rather than
 * followed as a link, so that a refusal (423 for a frozen text, 403 after a role change) or a dropped
 * connection becomes an ApiError the person reads in their language — a plain link would leave the
 * page for the server's JSON, or show nothing at all.
 */
import { ApiError } from '../api/http';
import { uiLanguage } from '../app/i18n';

/** The name in `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…), if any. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* a malformed escape: fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  const name = plain ? (plain[1] ?? plain[2]) : null;
  // Only the name: never a path the browser might be asked to write to.
  return name ? name.replace(/[\\/]/g, '_') : null;
}

async function failure(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
  const code = typeof payload?.error?.code === 'string' ? payload.error.code : response.status >= 500 ? 'internal' : 'bad_request';
  const message = typeof payload?.error?.message === 'string' ? payload.error.message : '';
  return new ApiError(response.status, code, message);
}

/** Downloads `path` with the session cookie and saves it; throws an ApiError ('network' when no answer came). */
export async function downloadFile(path: string, fallbackName: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  let blob: Blob;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': uiLanguage() }, signal });
    if (!response.ok) throw await failure(response);
    blob = await response.blob();
  } catch (error) {
    if (error instanceof ApiError || (error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const name = attachmentName(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(blob, name);
  return name;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
