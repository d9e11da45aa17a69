import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTemplatesDir, DocumentRenderPool, RenderPoolError, TemplateError } from './index';
import { openDocx, paragraphsOf } from './testing/docx-inspection';
import { sampleAgenda } from './testing/meeting-samples';
import {
  largeOutcome,
  sampleConsensusReport,
  sampleOutcome,
  sampleRedline,
} from './testing/sample-documents';

describe('DocumentRenderPool', () => {
  let pool: DocumentRenderPool;

  beforeAll(() => {
    pool = new DocumentRenderPool({ maxThreads: 2 });
  });

  afterAll(async () => {
    await pool.close();
  });

  it('renders in a worker thread, leaving the event loop free while it works', async () => {
    let turns = 0;
    let rendering = true;
    const spin = (): void => {
      turns += 1;
      if (rendering) setImmediate(spin);
    };
    setImmediate(spin);
    const buffer = await pool.render('outcome-document', 'en', largeOutcome(1500)).finally(() => {
      rendering = false;
    });

    // Rendered on this thread, the document would have held the loop for the whole render.
    expect(turns).toBeGreaterThan(20);
    expect(pool.threadCount).toBeGreaterThanOrEqual(1);
    const operative = paragraphsOf((await openDocx(buffer)).document).filter((paragraph) =>
      paragraph.xml.includes('<w:numPr>'),
    );
    expect(operative).toHaveLength(1500);
  });

  it('renders many documents at once, every one of them complete', async () => {
    const jobs = Array.from({ length: 24 }, (_, index) => {
      switch (index % 4) {
        case 0:
          return pool.render('provisional-agenda', 'ru', sampleAgenda('ru'));
        case 1:
          return pool.render('outcome-document', 'en', sampleOutcome('en'));
        case 2:
          return pool.render('consensus-report', 'ru', sampleConsensusReport('ru'));
        default:
          return pool.redline(sampleRedline());
      }
    });
    const documents = await Promise.all(jobs.map(async (job) => openDocx(await job)));

    expect(pool.pendingCount).toBe(0);
    for (const [index, docx] of documents.entries()) {
      const expected = [
        'Предварительная повестка дня',
        'Statement of the Council',
        'Доклад о консенсусе',
        'Paragraphs inserted: 1',
      ][index % 4];
      expect(docx.text).toContain(expected);
    }
  });

  it('stops a render whose signal fires, and goes on rendering the next one', async () => {
    const stop = new AbortController();
    const abandoned = pool.render('outcome-document', 'en', largeOutcome(4000), {
      signal: stop.signal,
    });
    stop.abort();
    await expect(abandoned).rejects.toMatchObject({ name: 'RenderPoolError', code: 'aborted' });
    expect(pool.pendingCount).toBe(0);
    const next = await openDocx(await pool.render('provisional-agenda', 'en', sampleAgenda('en')));
    expect(next.text).toContain('Provisional agenda');
  });

  it('refuses an unknown document kind before it reaches a worker', async () => {
    await expect(pool.render('meeting-pack' as never, 'en', {})).rejects.toThrow(TypeError);
  });
});

describe('DocumentRenderPool with templates that fail', () => {
  let templatesDir: string;
  let pool: DocumentRenderPool;

  beforeAll(async () => {
    templatesDir = await mkdtemp(join(tmpdir(), 'chancery-templates-'));
    await cp(defaultTemplatesDir(), templatesDir, { recursive: true });
    const outcome = join(templatesDir, 'en', 'outcome-document.hbs');
    const source = await readFile(outcome, 'utf8');
    await writeFile(
      outcome,
      source.replace(
        '<title>{{brackets revision.title}}</title>',
        '<title>{{brackets revision.title}}</title>\n<p>{{draft.sponsor}}</p>',
      ),
    );
    pool = new DocumentRenderPool({ templatesDir, maxThreads: 1, maxQueue: 2 });
  });

  afterAll(async () => {
    await pool.close();
    await rm(templatesDir, { recursive: true, force: true });
  });

  it('hands back a TemplateError with its fields, as a direct call would', async () => {
    const error: unknown = await pool
      .render('outcome-document', 'en', sampleOutcome('en'))
      .catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      name: 'TemplateError',
      templateName: 'outcome-document',
      language: 'en',
      inMarkup: false,
    });
    expect((error as TemplateError).line).toBeGreaterThan(1);
    expect((error as TemplateError).reason).toContain('"sponsor" is not in the data');
  });

  it('still renders what the broken template does not touch', async () => {
    const docx = await openDocx(await pool.render('provisional-agenda', 'en', sampleAgenda('en')));
    expect(docx.text).toContain('Provisional agenda');
  });

  it('gives no place in a full queue, so that work can be refused before its data is loaded', async () => {
    const slots = [pool.reserve(), pool.reserve(), pool.reserve()];
    expect(slots.every((slot) => slot !== null)).toBe(true);
    expect(pool.reserve()).toBeNull();
    slots[0]!.release();
    const rendered = await slots[1]!.render('provisional-agenda', 'en', sampleAgenda('en'));
    expect((await openDocx(rendered)).text).toContain('Provisional agenda');
    slots[2]!.release();
    expect(pool.pendingCount).toBe(0);
  });

  it('refuses work beyond its queue with a RenderPoolError', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => pool.render('provisional-agenda', 'en', sampleAgenda('en'))),
    );
    const refused: unknown[] = [];
    for (const result of results) if (result.status === 'rejected') refused.push(result.reason);

    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.some((reason) => reason instanceof RenderPoolError && reason.code === 'queue-full'),
    ).toBe(true);
  });
});
