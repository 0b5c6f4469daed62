/**
 * A REST snapshot kept live: the one way the client holds what it reads from the server and then
 * follows over socket.io — approvals, comments, activity, versions, and the screens' plain reads.
 *
 * Rules (tests cite them):
 *  [L1] What is held changes only through `apply(change)`. A change is a pure function of what is held;
 *       returning what it was given means "nothing changed" and nobody is told. Live events are written
 *       as such changes, so a duplicate or an out-of-date event costs nothing.
 *  [L2] A snapshot may have been read before a change applied meanwhile: every change applied since the
 *       last accepted snapshot is applied again to the next one (harmless by [L1] when it holds it already).
 *  [L3] Events sent while this client was disconnected are lost: after every connection of the socket the
 *       snapshot is read again. A read that fails after a success keeps what is held (status stays
 *       'ready', `error` says why); a first read that fails leaves status 'error'.
 *  [L4] Selectors are lookups into what is held, and what is held keeps the same objects where nothing
 *       changed: a component that selects one item re-renders when that item changes, not otherwise.
 *  [L5] One read at a time: a new one aborts the one in flight; reads asked for in a burst
 *       (`reloadSoon`) wait until the burst is over and are made once.
 */
import type { ServerToClientEvents } from '../../../shared/src/protocol';

export type LiveStatus = 'loading' | 'ready' | 'error';

/** What is held, with how its reading went. */
export type LiveSnapshot<T extends object> = Readonly<T> & { readonly status: LiveStatus; readonly error: unknown };

/** A change to what is held [L1]. */
export type Change<T> = (held: T) => T;

export type Subscribe = (listener: () => void) => () => void;

/** What a socket.io event asks of a store. */
export const RELOAD = Symbol('reload the snapshot');
export type EventOutcome<T> = Change<T> | typeof RELOAD | null;

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** The events a store follows, each with its payload as shared/src/protocol.ts declares it. */
export type LiveEvents<T> = { readonly [E in ServerEvent]?: (payload: ServerPayload<E>) => EventOutcome<T> };

/** The part of the socket.io client (realtime.tsx) a store needs. */
export interface LiveSocket {
  on(event: 'connect', listener: () => void): unknown;
  on<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): unknown;
  off(event: 'connect', listener: () => void): unknown;
  off<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): unknown;
}

export interface LiveOptions<T extends object> {
  /** What is held before the first snapshot. */
  initial: T;
  load(signal: AbortSignal): Promise<T>;
  /** Combines a fresh snapshot with what is held (default: the snapshot replaces it). */
  merge?(loaded: T, held: T): T;
  /** socket.io events: payload → a change, a new read, or null when the event is about something else. */
  events?: LiveEvents<T>;
  /** Other things whose changes mean the snapshot may be out of date (read again once they rest). */
  reloadWhen?: readonly Subscribe[];
  /** How long a burst of reasons to read again must rest before the read [L5]. */
  settleMs?: number;
  /** Whether a (re)connection of the socket reads the snapshot again [L3] (default true). */
  reconnect?: boolean;
}

/** Anything a component can keep live and read (a LiveStore, or a store built on some). */
export interface LiveSource<S> {
  readonly subscribe: Subscribe;
  readonly getSnapshot: () => S;
  /** Starts following (a first read, events, reconnections); returns the function that stops. */
  start(socket: LiveSocket | null): () => void;
  readonly reload: () => Promise<void>;
}

export class LiveStore<T extends object> implements LiveSource<LiveSnapshot<T>> {
  private held: T;
  private snapshot: LiveSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  /** Changes applied since the last accepted snapshot [L2]. */
  private pending: Change<T>[] = [];
  private accepted = false;
  private inFlight: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private users = 0;
  private attachment: { socket: LiveSocket | null; detach(): void } | null = null;

  constructor(private readonly options: LiveOptions<T>) {
    this.held = options.initial;
    this.snapshot = { ...options.initial, status: 'loading', error: null };
  }

  readonly subscribe: Subscribe = (listener) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): LiveSnapshot<T> => this.snapshot;

  /** [L1] [L2] */
  readonly apply = (change: Change<T>): void => {
    if (this.inFlight || !this.accepted) this.pending.push(change);
    const next = change(this.held);
    if (next === this.held) return;
    this.held = next;
    this.publish({});
  };

  /** Reads the snapshot now, aborting a read in flight [L5]. */
  readonly reload = async (): Promise<void> => {
    this.clearTimer();
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const loaded = await this.options.load(controller.signal);
      if (!controller.signal.aborted) this.accept(loaded);
    } catch (error) {
      if (!controller.signal.aborted) this.publish({ status: this.accepted ? 'ready' : 'error', error });
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  };

  /** Reads the snapshot once the reasons to stop arriving for `delayMs` [L5]. */
  reloadSoon(delayMs = this.options.settleMs ?? 0): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, delayMs);
  }

  start(socket: LiveSocket | null): () => void {
    this.users += 1;
    if (this.attachment?.socket !== socket) {
      this.attachment?.detach();
      this.attachment = { socket, detach: this.attach(socket) };
    }
    // The first user reads; so does the first after everyone stopped (events were missed meanwhile).
    if (this.users === 1) void this.reload();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.users -= 1;
      if (this.users > 0) return;
      this.attachment?.detach();
      this.attachment = null;
      this.clearTimer();
      this.inFlight?.abort();
      this.inFlight = null;
    };
  }

  /** Takes a snapshot read elsewhere (or by `reload`) as the new truth, with the changes it may miss [L2]. */
  protected accept(loaded: T): void {
    let next = this.options.merge && this.accepted ? this.options.merge(loaded, this.held) : loaded;
    for (const change of this.pending) next = change(next);
    this.pending = [];
    this.accepted = true;
    this.held = next;
    this.publish({ status: 'ready', error: null });
  }

  private attach(socket: LiveSocket | null): () => void {
    const stops: Array<() => void> = [];
    if (socket) {
      const events = this.options.events ?? {};
      for (const name of Object.keys(events) as ServerEvent[]) {
        // Each entry of the table takes its own event's payload (LiveEvents); the loop cannot say which.
        const outcomeOf = events[name] as (payload: unknown) => EventOutcome<T>;
        const listener = ((payload: unknown) => this.receive(outcomeOf(payload))) as ServerToClientEvents[typeof name];
        socket.on(name, listener);
        stops.push(() => socket.off(name, listener));
      }
      if (this.options.reconnect !== false) {
        // 'connect' fires on every connection after the first read started: the rooms are joined again
        // (useDocumentChannel) and whatever was sent before that is read here [L3].
        const reconnected = () => {
          void this.reload();
        };
        socket.on('connect', reconnected);
        stops.push(() => socket.off('connect', reconnected));
      }
    }
    for (const changes of this.options.reloadWhen ?? []) stops.push(changes(() => this.reloadSoon()));
    return () => {
      for (const stop of stops) stop();
    };
  }

  private receive(outcome: EventOutcome<T>): void {
    if (outcome === RELOAD) this.reloadSoon();
    else if (outcome) this.apply(outcome);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private publish(change: { status?: LiveStatus; error?: unknown }): void {
    this.snapshot = {
      ...this.held,
      status: change.status ?? this.snapshot.status,
      error: 'error' in change ? change.error : this.snapshot.error,
    };
    for (const listener of [...this.listeners]) listener();
  }
}

/** One value read from the server, kept live by the options given (events, reconnections). */
export type Resource<V> = LiveStore<{ value: V | null }>;

export function resource<V>(load: (signal: AbortSignal) => Promise<V>, options: Omit<LiveOptions<{ value: V | null }>, 'initial' | 'load'> = {}): Resource<V> {
  return new LiveStore<{ value: V | null }>({ ...options, initial: { value: null }, load: async (signal) => ({ value: await load(signal) }) });
}

/** A Subscribe that tells its listener only when the selected part of a source is another object [L4]. */
export function watch<S, R>(source: Pick<LiveSource<S>, 'subscribe' | 'getSnapshot'>, select: (snapshot: S) => R): Subscribe {
  return (listener) => {
    let last = select(source.getSnapshot());
    return source.subscribe(() => {
      const next = select(source.getSnapshot());
      if (Object.is(next, last)) return;
      last = next;
      listener();
    });
  };
}

/** `previous` when it holds the same items in the same order, else `next` [L4]. */
export function sameOr<I>(previous: readonly I[] | undefined, next: readonly I[]): readonly I[] {
  return previous && previous.length === next.length && previous.every((item, i) => item === next[i]) ? previous : next;
}

/** For events about one document: the payload's documentId decides. */
export function aboutDocument(documentId: string, payload: { documentId: string } | null | undefined): boolean {
  return payload?.documentId === documentId;
}
