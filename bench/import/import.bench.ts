// Benchmark: reading a 1,000-paragraph draft from a .docx (the one Chancery exports) with our
// reader — zip checks, streaming XML, numbering and styles, interpretation — against the floor:
// unzipping word/document.xml with yauzl and SAX-parsing it with saxes, interpreting nothing,
// in the same process. Matching the paragraphs to the previous revision is timed beside it.
//
//   npm run bench:import

import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { matchRevisionInput } from '../../libs/domain/src';
import { renderDocument } from '../../libs/documents/src/render-document';
import { TemplateRegistry } from '../../libs/documents/src/template-registry';
import { largeOutcome } from '../../libs/documents/src/testing/sample-documents';
import { readWordFile } from '../../libs/documents/src/word-import/word-reading';

const PARAGRAPHS = 1000;
const WARMUP = 10;
const ITERATIONS = 40;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const fromBuffer = promisify(
  (buffer: Buffer, options: yauzl.Options, callback: (e: Error | null, z: ZipFile) => void) =>
    yauzl.fromBuffer(buffer, options, callback),
);

/** The floor: find word/document.xml, inflate it, SAX-parse it; count elements, nothing more. */
async function unzipAndParse(bytes: Buffer): Promise<number> {
  const zip = await fromBuffer(bytes, { lazyEntries: true });
  const entry = await new Promise<Entry>((resolve, reject) => {
    zip.on('entry', (e: Entry) =>
      e.fileName === 'word/document.xml' ? resolve(e) : zip.readEntry(),
    );
    zip.on('end', () => reject(new Error('no word/document.xml')));
    zip.readEntry();
  });
  const stream = await zip.openReadStreamPromise(entry);
  const parser = new SaxesParser({ xmlns: true });
  let elements = 0;
  parser.on('opentag', () => {
    elements++;
  });
  const decoder = new TextDecoder();
  for await (const chunk of stream as AsyncIterable<Buffer>)
    parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  zip.close();
  return elements;
}

async function main(): Promise<void> {
  const data = largeOutcome(PARAGRAPHS);
  const registry = await TemplateRegistry.load();
  const bytes = await renderDocument(registry, 'outcome-document', 'en', data);
  const previous = {
    title: data.revision.title,
    preamble: data.revision.preamble.map((p, i) => ({ id: `p${i}`, text: p.text })),
    operative: data.revision.operative.map((p, i) => ({ id: `o${i}`, text: p.text })),
  };
  const ours: number[] = [];
  const floor: number[] = [];
  const matching: number[] = [];
  let read = 0;
  for (let round = 0; round < WARMUP + ITERATIONS; round++) {
    const measured = round >= WARMUP;
    // Alternate which goes first, so neither always runs on a warmer heap.
    for (const which of round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours']) {
      const start = performance.now();
      if (which === 'floor') {
        await unzipAndParse(bytes);
        if (measured) floor.push(performance.now() - start);
        continue;
      }
      const reading = await readWordFile(bytes);
      const readAt = performance.now();
      const input = matchRevisionInput(previous, reading.paragraphs);
      if (measured) {
        ours.push(readAt - start);
        matching.push(performance.now() - readAt);
      }
      read = reading.paragraphs.length;
      if (Object.keys(input.matched).length !== read) throw new Error('the round trip lost ids');
    }
  }
  const ratio = median(ours) / median(floor);
  console.log(
    `import of a ${PARAGRAPHS}-paragraph .docx (${(bytes.length / 1024).toFixed(0)} KiB, ${read} paragraphs read), median of ${ITERATIONS}:`,
  );
  console.log(`  floor (yauzl + saxes, no interpretation)  ${median(floor).toFixed(2)} ms`);
  console.log(
    `  our reader                                ${median(ours).toFixed(2)} ms  → ratio ${ratio.toFixed(2)}×`,
  );
  console.log(
    `  matching to the previous revision         ${median(matching).toFixed(2)} ms (beside, not in the ratio)`,
  );
}

void main();
