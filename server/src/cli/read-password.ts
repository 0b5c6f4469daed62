import type { Readable, Writable } from 'node:stream';

type Input = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Reads one line typed at a terminal without echoing it. Ctrl-C aborts. */
function readHidden(input: Input, output: Writable, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    let value = '';
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          done();
          reject(new Error('aborted'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
    };
    input.on('data', onData);
  });
}

/** Reads everything piped in and keeps the first line. */
async function readPiped(input: Readable): Promise<string> {
  let all = '';
  for await (const chunk of input) all += chunk.toString();
  return all.split(/\r?\n/)[0] ?? '';
}

/** The new password: typed twice without echo at a terminal, or the first line of a piped stdin. */
export async function readNewPassword(input: Input, output: Writable): Promise<string> {
  if (!input.isTTY) return readPiped(input);
  const first = await readHidden(input, output, 'Password: ');
  const second = await readHidden(input, output, 'Password (again): ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}
