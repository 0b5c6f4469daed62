/**
 * The server (`server/src/main.ts`) under V8's sampling profiler, for readyz-during-confirm.ts's
 * BENCH_PROFILE (node refuses --cpu-prof in NODE_OPTIONS, and the server is started through tsx).
 * The profile of the main thread is written to BENCH_PROFILE when the process is told to stop
 * (SIGTERM); open it in Chrome's DevTools (Performance → Load profile).
 */
import fs from 'node:fs';
import inspector from 'node:inspector';

const target = process.env.BENCH_PROFILE;
if (!target) throw new Error('BENCH_PROFILE names the file the profile is written to');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
// Before the server's own handler, which shuts down and exits; an in-process session answers synchronously.
process.prependOnceListener('SIGTERM', () => {
  session.post('Profiler.stop', (err, result) => {
    if (!err) fs.writeFileSync(target, JSON.stringify(result.profile));
  });
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the server starts on import, after the profiler
require('../../server/src/main');
