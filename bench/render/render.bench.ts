// Benchmark: an outcome document of 100, 1,000 and 10,000 operative paragraphs rendered through
// the full path (template → markup → docx Buffer) against the floor, the same document built
// directly with the `docx` library, in the same process. Each size runs in its own process so
// that its peak RSS is its own.
//
//   npm run bench:render            all sizes
//   npm run bench:render -- 1000    one size
//   node --max-semi-space-size=32 -r @swc-node/register bench/render/render.bench.ts
//                                   with V8 flags of your choice (they reach each size's process)

import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Packer } from 'docx';
import { markupToDocument } from '../../libs/documents/src/markup-to-docx';
import { TemplateRegistry } from '../../libs/documents/src/template-registry';
import { largeOutcome } from '../../libs/documents/src/testing/sample-documents';
import { buildOutcomeDirectly } from './floor-outcome';

const SIZES = [100, 1000, 10000];
const PLAN: Record<number, { warmup: number; iterations: number }> = {
  100: { warmup: 10, iterations: 60 },
  1000: { warmup: 5, iterations: 30 },
  // At this size the garbage collector's timing dominates the spread: more rounds.
  10000: { warmup: 2, iterations: 13 },
};

interface SizeResult {
  paragraphs: number;
  ours: number;
  floor: number;
  template: number;
  build: number;
  pack: number;
  floorBuild: number;
  floorPack: number;
  markupBytes: number;
  docxBytes: number;
  peakRssMb: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// No forced gc() between runs: V8's gc() reduces the heap aggressively and throws away
// optimised code and inline caches, which makes the next run of the tokenizer's state machine
// 5–10× slower than it ever is in a running service.

async function measureSize(paragraphs: number): Promise<SizeResult> {
  const registry = await TemplateRegistry.load();
  const data = largeOutcome(paragraphs);
  const plan = PLAN[paragraphs] ?? { warmup: 2, iterations: 5 };
  const ours: number[] = [];
  const floor: number[] = [];
  const template: number[] = [];
  const build: number[] = [];
  const pack: number[] = [];
  const floorBuild: number[] = [];
  const floorPack: number[] = [];
  let markupBytes = 0;
  let docxBytes = 0;

  for (let round = 0; round < plan.warmup + plan.iterations; round++) {
    const measured = round >= plan.warmup;
    // Alternate which goes first, so neither always runs on a warmer heap.
    const order = round % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const);
    for (const which of order) {
      if (which === 'ours') {
        const start = performance.now();
        const markup = registry.renderMarkup('outcome-document', 'en', data);
        const templated = performance.now();
        const document = markupToDocument(markup);
        const built = performance.now();
        const buffer = await Packer.toBuffer(document);
        const end = performance.now();
        if (measured) {
          ours.push(end - start);
          template.push(templated - start);
          build.push(built - templated);
          pack.push(end - built);
        }
        markupBytes = markup.length;
        docxBytes = buffer.length;
      } else {
        const start = performance.now();
        const document = buildOutcomeDirectly(data);
        const built = performance.now();
        await Packer.toBuffer(document);
        const end = performance.now();
        if (measured) {
          floor.push(end - start);
          floorBuild.push(built - start);
          floorPack.push(end - built);
        }
      }
    }
  }
  return {
    paragraphs,
    ours: median(ours),
    floor: median(floor),
    template: median(template),
    build: median(build),
    pack: median(pack),
    floorBuild: median(floorBuild),
    floorPack: median(floorPack),
    markupBytes,
    docxBytes,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function runInChild(paragraphs: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', String(paragraphs)], { execArgv: process.execArgv });
    child.once('message', (message) => resolve(message as SizeResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0)
        reject(new Error(`benchmark of ${paragraphs} paragraphs exited with ${code}`));
    });
  });
}

function report(results: SizeResult[]): void {
  const rows = results.map((result) => ({
    paragraphs: result.paragraphs.toLocaleString('en'),
    'ours ms': result.ours.toFixed(1),
    'floor ms': result.floor.toFixed(1),
    ratio: (result.ours / result.floor).toFixed(2),
    'µs/paragraph': ((result.ours * 1000) / result.paragraphs).toFixed(0),
    'template ms': result.template.toFixed(1),
    'markup→objects ms': result.build.toFixed(1),
    'floor objects ms': result.floorBuild.toFixed(1),
    'pack ms (ours/floor)': `${result.pack.toFixed(0)}/${result.floorPack.toFixed(0)}`,
    'markup KB': (result.markupBytes / 1024).toFixed(0),
    'docx KB': (result.docxBytes / 1024).toFixed(0),
    'peak RSS MB': result.peakRssMb.toFixed(0),
  }));
  console.log(`Node ${process.version}, ${availableParallelism()} cores; medians after warm-up`);
  console.table(rows);
}

async function main(): Promise<void> {
  const [flag, size] = process.argv.slice(2);
  if (flag === '--child') {
    const result = await measureSize(Number(size));
    process.send?.(result);
    return;
  }
  const sizes = flag === undefined ? SIZES : [Number(flag)];
  const results: SizeResult[] = [];
  for (const paragraphs of sizes) results.push(await runInChild(paragraphs));
  report(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
