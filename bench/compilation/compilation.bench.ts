// Benchmark: the compilation of 28 states × 3 amendments on a 60-paragraph draft, rendered
// through the full path (layout → template → markup → docx Buffer), against the baseline of a
// redline of the same draft (60 paragraphs, every one modified) rendered the same way, in the
// same process, rounds alternating.
//
//   npm run bench:compilation

import { median } from '../support/measure';
import { renderCompilation, renderRedline } from '../../libs/documents/src/render-document';
import { TemplateRegistry } from '../../libs/documents/src/template-registry';
import type { RedlineData } from '../../libs/documents/src/document-data';
import { largeCompilation, sampleRedline } from '../../libs/documents/src/testing/sample-documents';

const PARAGRAPHS = 60;
const STATES = 28;
const PER_STATE = 3;
const WARMUP = 10;
const ROUNDS = 40;

function sameSizeRedline(): RedlineData {
  const compilation = largeCompilation(PARAGRAPHS, STATES, PER_STATE);
  const base = sampleRedline();
  const from = { ...base.from, ...compilation.revision, author: 'Kazakhstan' };
  const modify = (p: { id: string; text: string }) => ({
    id: p.id,
    text: p.text.replace(/;$/, ' in full;'),
  });
  return {
    header: compilation.header,
    draft: compilation.draft,
    from,
    to: {
      ...base.to,
      title: from.title,
      preamble: from.preamble.map(modify),
      operative: from.operative.map(modify),
    },
  };
}

async function main(): Promise<void> {
  const registry = await TemplateRegistry.load();
  const compilation = largeCompilation(PARAGRAPHS, STATES, PER_STATE);
  const redline = sameSizeRedline();
  const ours: number[] = [];
  const baseline: number[] = [];
  let oursBytes = 0;
  let baselineBytes = 0;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const order =
      round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const which of order) {
      const start = performance.now();
      const buffer =
        which === 'ours'
          ? await renderCompilation(compilation, registry)
          : await renderRedline(redline, registry);
      const elapsed = performance.now() - start;
      if (round < WARMUP) continue;
      if (which === 'ours') {
        ours.push(elapsed);
        oursBytes = buffer.length;
      } else {
        baseline.push(elapsed);
        baselineBytes = buffer.length;
      }
    }
  }
  const oursMs = median(ours);
  const baselineMs = median(baseline);
  console.log(
    `compilation: ${STATES} states × ${PER_STATE} amendments on ${PARAGRAPHS} paragraphs, median of ${ROUNDS} rounds`,
  );
  console.log(
    `  compilation.docx   ${oursMs.toFixed(1)} ms   ${(oursBytes / 1024).toFixed(1)} KiB`,
  );
  console.log(
    `  redline (baseline) ${baselineMs.toFixed(1)} ms   ${(baselineBytes / 1024).toFixed(1)} KiB   (${PARAGRAPHS} paragraphs, all modified)`,
  );
  console.log(`  ratio compilation / redline: ${(oursMs / baselineMs).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
