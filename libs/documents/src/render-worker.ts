// Entry point of the document library's worker threads (piscina loads it with require()): the
// render pool's, and the Word import pool's, which names its task module in workerData.
//
// It is written without types, imports or exports so that Node can load it as it stands when it
// is the .ts source (under Jest nothing compiles files for a worker thread): it then installs
// @swc-node/register, which compiles the rest of the library as it is required. From a build
// (`nest build` → dist/…/render-worker.js) it is plain JavaScript that loads render-task.js.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-argument --
   plain CommonJS on purpose, see above. */
if (__filename.endsWith('.ts')) {
  process.env.SWC_NODE_PROJECT ??= require('node:path').join(
    __dirname,
    '..',
    '..',
    '..',
    'tsconfig.json',
  );
  require('@swc-node/register');
}
// Renders and imports are background work: on a machine with few cores, two busy workers at
// the main thread's priority took the CPU it needs to answer everyone else (/health waited up
// to 85 ms while the cold renders ran). On Linux a nice value belongs to a thread, and 0 names
// the calling one, so this lowers this worker only; the main thread keeps its priority. Raising
// one's own nice value needs no privilege; where it is refused, the worker runs as before.
try {
  require('node:os').setPriority(10);
} catch {
  // not permitted here: a matter of latency, not of correctness
}
const { workerData } = require('node:worker_threads');
module.exports = require(workerData?.taskModule ?? './render-task');
