/**
 * One worker thread for one kind of costly, untrusted work (reading an uploaded file, checking an
 * exported one), so that the event loop serving everyone else never runs it. Tasks run one at a time
 * in the order given, each with a time limit; the thread's heap is bounded, so a file built to exhaust
 * memory ends the thread, not the process. A thread that dies, hangs or runs out of memory fails only
 * the task it was running; the next task starts a new thread. An idle thread is ended after a while
 * (it may hold the heap of a large file), and never keeps the process alive.
 *
 * The worker may ask the main thread questions while it works (a database lookup, for instance):
 * `serveTasks` (serve-tasks.ts) is its side of the protocol.
 */
import { Worker } from 'node:worker_threads';
import type { TaskMessage, WorkerMessage } from './serve-tasks';

/** Resolved here, so the worker finds tsx whatever the process's working directory. */
const TSX_REGISTER = require.resolve('tsx/cjs/api');
const IDLE_MS = 30_000;

export type TaskFailure = 'timeout' | 'out_of_memory' | 'busy' | 'crashed';

/** A task the thread could not finish: the work took too long or too much memory, or too many waited. */
export class TaskFailed extends Error {
  constructor(
    readonly reason: TaskFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TaskFailed';
  }
}

export interface TaskThreadOptions {
  /** Named in errors and logs. */
  name: string;
  /** Absolute path of the worker's TypeScript file (it calls `serveTasks`). */
  workerFile: string;
  timeoutMs: number;
  /** The worker's old-generation heap, in MiB. */
  maxHeapMb: number;
  /** Tasks allowed to wait behind the running one; more are refused at once ('busy'). */
  maxWaiting: number;
}

export interface RunOptions<Question, Answer> {
  /** Answers the worker's questions; none expected when left out. */
  answer?: (question: Question) => Promise<Answer> | Answer;
  /** Told each note the worker sends (e.g. which file it is reading), in order. */
  onNote?: (note: unknown) => void;
  /** Buffers handed to the worker rather than copied (unusable here afterwards). */
  transfer?: ArrayBuffer[];
}

interface Queued<Request, Result, Question, Answer> {
  request: Request;
  options: RunOptions<Question, Answer>;
  resolve: (result: Result) => void;
  reject: (err: Error) => void;
}

export class TaskThread<Request, Result, Question = never, Answer = never> {
  private worker: Worker | null = null;
  private readonly waiting: Queued<Request, Result, Question, Answer>[] = [];
  private running = false;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: TaskThreadOptions) {}

  run(request: Request, options: RunOptions<Question, Answer> = {}): Promise<Result> {
    if (this.waiting.length >= this.options.maxWaiting + (this.running ? 0 : 1)) {
      return Promise.reject(new TaskFailed('busy', `${this.options.name}: ${this.waiting.length} tasks are already waiting`));
    }
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, options, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    for (const task of this.waiting.splice(0)) task.reject(new TaskFailed('crashed', `${this.options.name} was closed`));
    await this.end();
  }

  private next(): void {
    if (this.running) return;
    const task = this.waiting.shift();
    if (!task) {
      this.idleTimer = setTimeout(() => void this.end(), IDLE_MS);
      this.idleTimer.unref();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.running = true;
    const worker = this.worker ?? this.start();
    worker.ref();
    const id = this.nextId++;
    let settled = false;
    const finish = (outcome: () => void, endThread: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      outcome();
      const proceed = () => {
        this.running = false;
        this.next();
      };
      if (endThread) void this.end().then(proceed, proceed);
      else proceed();
    };
    const onMessage = (message: WorkerMessage<Result, Question>) => {
      if (message.id !== id) return;
      if (message.type === 'note') task.options.onNote?.(message.note);
      else if (message.type === 'ask') void this.answer(worker, id, task.options, message.question);
      else if (message.type === 'done') finish(() => task.resolve(message.result), false);
      else finish(() => task.reject(new Error(`${this.options.name}: ${message.error}`)), false);
    };
    const onError = (err: Error & { code?: string }) =>
      finish(
        () =>
          task.reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new TaskFailed('out_of_memory', `${this.options.name} ran out of its ${this.options.maxHeapMb} MiB heap`)
              : new TaskFailed('crashed', `${this.options.name} failed: ${err.message}`),
          ),
        true,
      );
    const onExit = (code: number) => finish(() => task.reject(new TaskFailed('crashed', `${this.options.name} exited with code ${code}`)), true);
    const timer = setTimeout(
      () => finish(() => task.reject(new TaskFailed('timeout', `${this.options.name} did not finish within ${this.options.timeoutMs} ms`)), true),
      this.options.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'run', id, request: task.request } satisfies TaskMessage<Request, Answer>, task.options.transfer ?? []);
  }

  private async answer(worker: Worker, id: number, options: RunOptions<Question, Answer>, question: Question): Promise<void> {
    try {
      if (!options.answer) throw new Error('this task takes no questions');
      const answer = await options.answer(question);
      worker.postMessage({ type: 'answer', id, answer } satisfies TaskMessage<Request, Answer>);
    } catch (err) {
      worker.postMessage({ type: 'answer', id, error: err instanceof Error ? err.message : String(err) } satisfies TaskMessage<Request, Answer>);
    }
  }

  private start(): Worker {
    // The worker is TypeScript too: it loads through tsx's require hook, as the server loads through tsx.
    const worker = new Worker(`require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(this.options.workerFile)});`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    worker.unref();
    // Errors after a task settled (or between tasks) end the thread; the next task starts another.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private async end(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
