/**
 * A small history-API router: the app has a handful of screens, so a path matcher and a Link are all it needs.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'documents' }
  | { name: 'signin' }
  /** The workspace, scrolled to one clause when the address names it (a clause link). */
  | { name: 'workspace'; documentId: string; clauseId?: string }
  | { name: 'members'; documentId: string }
  | { name: 'newDocument' }
  | { name: 'import'; documentId: string }
  | { name: 'signed'; documentId: string }
  | { name: 'verify' }
  | { name: 'invitation'; token: string }
  | { name: 'administration' }
  | { name: 'security' }
  | { name: 'resetPassword'; token: string }
  | { name: 'secondFactors' }
  | { name: 'notFound' };

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getLocation = () => window.location.pathname + window.location.search;

export function useLocation(): string {
  return useSyncExternalStore(subscribe, getLocation);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === getLocation()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

const segment = '([^/]+)';

export function matchRoute(location: string): Route {
  const path = location.split('?')[0].replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  if (path === '/') return { name: 'documents' };
  if (path === '/signin') return { name: 'signin' };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/admin') return { name: 'administration' };
  if (path === '/account/second-factors') return { name: 'secondFactors' };
  if (path === '/documents/new') return { name: 'newDocument' };
  if ((m = new RegExp(`^/documents/${segment}$`).exec(path))) return { name: 'workspace', documentId: decodeURIComponent(m[1]) };
  if ((m = new RegExp(`^/documents/${segment}/clauses/${segment}$`).exec(path)))
    return { name: 'workspace', documentId: decodeURIComponent(m[1]), clauseId: decodeURIComponent(m[2]) };
  if ((m = new RegExp(`^/documents/${segment}/members$`).exec(path))) return { name: 'members', documentId: decodeURIComponent(m[1]) };
  if ((m = new RegExp(`^/documents/${segment}/import$`).exec(path))) return { name: 'import', documentId: decodeURIComponent(m[1]) };
  if ((m = new RegExp(`^/documents/${segment}/signed$`).exec(path))) return { name: 'signed', documentId: decodeURIComponent(m[1]) };
  if ((m = new RegExp(`^/invite/${segment}$`).exec(path))) return { name: 'invitation', token: decodeURIComponent(m[1]) };
  if (path === '/account/security') return { name: 'security' };
  if ((m = new RegExp(`^/reset-password/${segment}$`).exec(path))) return { name: 'resetPassword', token: decodeURIComponent(m[1]) };
  return { name: 'notFound' };
}

export const paths = {
  documents: () => '/',
  signin: (next?: string) => (next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin'),
  workspace: (documentId: string) => `/documents/${encodeURIComponent(documentId)}`,
  clause: (documentId: string, clauseId: string) => `/documents/${encodeURIComponent(documentId)}/clauses/${encodeURIComponent(clauseId)}`,
  members: (documentId: string) => `/documents/${encodeURIComponent(documentId)}/members`,
  newDocument: () => '/documents/new',
  import: (documentId: string) => `/documents/${encodeURIComponent(documentId)}/import`,
  signed: (documentId: string) => `/documents/${encodeURIComponent(documentId)}/signed`,
  verify: () => '/verify',
  administration: () => '/admin',
  security: () => '/account/security',
  secondFactors: () => '/account/second-factors',
};

/** Where to go after signing in: a same-site path from ?next=, else the negotiations list. */
export function nextFromLocation(location: string): string {
  const next = new URLSearchParams(location.split('?')[1] ?? '').get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
