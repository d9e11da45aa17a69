import { changesFromTrackedCopy, type RevisionContent } from '@chancery/domain';
import { TemplateRegistry } from '../template-registry';
import { defaultTemplatesDir } from '../templates-dir';
import { renderDocument } from '../render-document';
import { sampleOutcome } from '../testing/sample-documents';
import { documentXml, handDocx, hostileFiles } from '../testing/word-files';
import { WordImportError } from './word-import-error';
import { WordImportPool } from './word-import-pool';
import { readWordFile } from './word-reading';

async function refusalOf(read: Promise<unknown>): Promise<WordImportError> {
  try {
    await read;
  } catch (error) {
    if (error instanceof WordImportError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readWordFile', () => {
  it('reads back the title and paragraphs of a draft Chancery exported, leaving out its letterhead', async () => {
    const data = sampleOutcome('en');
    const registry = await TemplateRegistry.load(defaultTemplatesDir());
    const reading = await readWordFile(
      await renderDocument(registry, 'outcome-document', 'en', data),
    );
    expect(reading.title).toBe(data.revision.title);
    expect(reading.paragraphs.filter((p) => p.part === 'preamble').map((p) => p.text)).toEqual(
      data.revision.preamble.map((p) => p.text),
    );
    expect(reading.paragraphs.filter((p) => p.part === 'operative').map((p) => p.text)).toEqual(
      data.revision.operative.map((p) => p.text),
    );
    expect(reading.warnings.map((w) => w.code)).toEqual(['TEXT_BEFORE_TITLE']);
  });

  it("reads a drafter's file: bold title, typed numbers stripped, runs joined, brackets kept, soft hyphens and non-breaking spaces normalised", async () => {
    const xml = documentXml(
      [
        { runs: ['Note by the Secretariat'] },
        {
          runs: [
            { text: 'Draft Statement on ', bold: true },
            { text: 'Tourism', bold: true },
          ],
        },
        { runs: ['Recalling the con\u00ADcept paper of 2022,'] },
        { runs: ['Noting\u00A0the\u202Freport,'] },
        { runs: ['1. Decide to [strengthen] ', 'co-operation;'] },
        { runs: ['2) Request a report.'] },
        { runs: ['Welcome the plan.'], numbered: true },
      ],
      '<w:p><w:r><w:t>Done in Baku</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    );
    const reading = await readWordFile(await handDocx(xml));
    expect(reading.title).toBe('Draft Statement on Tourism');
    expect(reading.paragraphs).toEqual([
      expect.objectContaining({ part: 'preamble', text: 'Recalling the concept paper of 2022,' }),
      expect.objectContaining({ part: 'preamble', text: 'Noting the report,' }),
      expect.objectContaining({ part: 'operative', text: 'Decide to [strengthen] co-operation;' }),
      expect.objectContaining({ part: 'operative', text: 'Request a report.' }),
      expect.objectContaining({ part: 'operative', text: 'Welcome the plan.' }),
      expect.objectContaining({ part: 'operative', text: 'Done in Baku' }),
    ]);
    expect(reading.warnings.map((w) => w.code).sort()).toEqual([
      'COMMENTS_IGNORED',
      'FOOTNOTES_IGNORED',
      'TABLE_SKIPPED',
      'TEXT_BEFORE_TITLE',
      'UNNUMBERED_AFTER_OPERATIVE',
    ]);
  });

  it("reads a delegation's tracked changes, with Word's author, as its proposals on the current revision", async () => {
    const current: RevisionContent = {
      title: 'Statement',
      preamble: [{ id: 'p1', text: 'Recalling the Declaration of 1999,' }],
      operative: [
        { id: 'o1', text: 'Reaffirm the principles of the Declaration;' },
        { id: 'o2', text: 'Welcome the chairmanship of Azerbaijan;' },
      ],
    };
    const xml = documentXml([
      { runs: ['Statement'], style: 'Heading1' },
      { runs: ['Recalling the Declaration of 1999,'] },
      {
        runs: [
          'Reaffirm the ',
          { text: 'enduring ', ins: 'AZE' },
          'principles of the Declaration;',
        ],
        numbered: true,
      },
      { runs: [{ text: 'Commend the Secretariat;', ins: 'AZE' }], numbered: true, markIns: 'AZE' },
      {
        runs: [{ text: 'Welcome the chairmanship of Azerbaijan;', del: 'AZE' }],
        numbered: true,
        markDel: 'AZE',
      },
    ]);
    const reading = await readWordFile(await handDocx(xml));
    expect(new Set(reading.paragraphs.flatMap((p) => p.changes.map((c) => c.author)))).toEqual(
      new Set(['AZE']),
    );
    expect(changesFromTrackedCopy(current, reading.paragraphs).changes).toEqual([
      { paragraphId: 'o1', text: 'Reaffirm the enduring principles of the Declaration;' },
      { after: 'o1', text: 'Commend the Secretariat;' },
      { paragraphId: 'o2', delete: true },
    ]);
  });

  it('refuses a file with no text', async () => {
    const refusal = await refusalOf(readWordFile(await handDocx(documentXml([]))));
    expect(refusal.code).toBe('NO_PARAGRAPHS');
  });
});

describe('WordImportPool', () => {
  let pool: WordImportPool;
  beforeAll(async () => {
    pool = new WordImportPool();
    // Start the worker (and, under Jest, compile its sources) before anything is timed.
    await pool.read(await handDocx(documentXml([{ runs: ['Decide to act.'] }])));
  });
  afterAll(() => pool.close());

  it('refuses each hostile file with its reason within 2 s, and keeps reading good files after', async () => {
    for (const file of await hostileFiles()) {
      const started = Date.now();
      const refusal = await refusalOf(pool.read(file.bytes));
      expect({ file: file.name, code: refusal.code }).toEqual({ file: file.name, code: file.code });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const reading = await pool.read(await handDocx(documentXml([{ runs: ['1. Decide to act.'] }])));
    expect(reading.paragraphs).toEqual([
      expect.objectContaining({ part: 'operative', text: 'Decide to act.' }),
    ]);
  });
});
