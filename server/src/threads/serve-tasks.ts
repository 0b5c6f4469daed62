/**
 * The worker's side of a TaskThread (task-thread.ts). Messages, each carrying its task's id:
 *   main → worker   { type: 'run', request }   { type: 'answer', answer } or { type: 'answer', error }
 *   worker → main   { type: 'done', result }   { type: 'failed', error }   { type: 'ask', question }   { type: 'note', note }
 * A task's handler gets `ask` (a question the main thread answers, e.g. from the database) and `note`
 * (one-way news, e.g. which file it is reading).
 */
import { parentPort } from 'node:worker_threads';

export type TaskMessage<Request, Answer> =
  { type: 'run'; id: number; request: Request } | { type: 'answer'; id: number; answer: Answer } | { type: 'answer'; id: number; error: string };

export type WorkerMessage<Result, Question> =
  | { type: 'done'; id: number; result: Result }
  | { type: 'failed'; id: number; error: string }
  | { type: 'ask'; id: number; question: Question }
  | { type: 'note'; id: number; note: unknown };

export interface TaskTools<Question, Answer> {
  ask(question: Question): Promise<Answer>;
  note(note: unknown): void;
}

export function serveTasks<Request, Result, Question = never, Answer = never>(
  handle: (request: Request, tools: TaskTools<Question, Answer>) => Promise<Result> | Result,
): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const asked = new Map<number, { resolve: (answer: Answer) => void; reject: (err: Error) => void }>();
  const send = (message: WorkerMessage<Result, Question>) => port.postMessage(message);
  port.on('message', (message: TaskMessage<Request, Answer>) => {
    if (message.type === 'answer') {
      const waiting = asked.get(message.id);
      asked.delete(message.id);
      if ('error' in message) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.answer);
      return;
    }
    const { id } = message;
    const tools: TaskTools<Question, Answer> = {
      ask: (question) =>
        new Promise<Answer>((resolve, reject) => {
          asked.set(id, { resolve, reject });
          send({ type: 'ask', id, question });
        }),
      note: (note) => send({ type: 'note', id, note }),
    };
    Promise.resolve()
      .then(() => handle(message.request, tools))
      .then(
        (result) => send({ type: 'done', id, result }),
        (err: unknown) => send({ type: 'failed', id, error: err instanceof Error ? err.message : String(err) }),
      );
  });
}
