import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCompilation, renderDocument, renderRedline, TemplateRegistry } from './index';
import { convertToPdf, hasSoffice } from './testing/pdf-conversion';
import { sampleAgenda, sampleListOfDocuments } from './testing/meeting-samples';
import {
  OPERATIVE_EN,
  sampleCompilation,
  sampleConsensusReport,
  sampleOutcome,
  sampleRedline,
} from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

// LibreOffice is how most readers outside Word will see these files. The check runs wherever
// soffice is installed, and always in CI, where a missing soffice is a failure.
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

if (hasSoffice || process.env.CI) {
  describe('in LibreOffice', () => {
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'chancery-pdf-'));
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('every kind of document, and a redline, converts to a PDF with its text and page numbers', async () => {
      const long = sampleOutcome('en');
      long.revision.operative = Array.from({ length: 90 }, (_, index) => ({
        id: `op-${index}`,
        text: `${OPERATIVE_EN[index % OPERATIVE_EN.length]} (${index + 1})`,
      }));
      const documents: { name: string; docx: Promise<Buffer>; expect: string[] }[] = [
        {
          name: 'provisional-agenda',
          docx: renderDocument(registry, 'provisional-agenda', 'en', sampleAgenda('en')),
          expect: ['Provisional agenda', 'Opening of the meeting', 'Page 1 of 1', 'DRAFT'],
        },
        {
          name: 'annotated-agenda-ru',
          docx: renderDocument(registry, 'annotated-agenda', 'ru', sampleAgenda('ru')),
          expect: [
            'Аннотированная предварительная повестка дня',
            'Документация',
            'Стр. 1 из 1',
            'ПРОЕКТ',
          ],
        },
        {
          name: 'list-of-documents',
          docx: renderDocument(registry, 'list-of-documents', 'en', sampleListOfDocuments('en')),
          expect: ['List of documents', 'CICA/CFM/7/DOC.2'],
        },
        {
          name: 'outcome-document',
          docx: renderDocument(registry, 'outcome-document', 'en', long),
          expect: ['Recalling', '(90)', 'Page 1 of', 'Page 2 of', 'CICA/CFM/7/DOC.1'],
        },
        {
          name: 'consensus-report-ru',
          docx: renderDocument(registry, 'consensus-report', 'ru', sampleConsensusReport('ru')),
          expect: ['Доклад о консенсусе', 'Согласие с оговоркой', 'Таджикистан'],
        },
        {
          name: 'redline',
          docx: renderRedline(sampleRedline(), registry),
          expect: ['shall', 'should', 'A newly proposed paragraph'],
        },
        {
          name: 'compilation-ru',
          docx: renderCompilation(sampleCompilation('ru'), registry),
          expect: ['Поправка 1', 'Казахстан', 'Поправки'],
        },
      ];
      for (const document of documents)
        await writeFile(join(dir, `${document.name}.docx`), await document.docx);

      const conversion = convertToPdf(
        dir,
        documents.map((document) => join(dir, `${document.name}.docx`)),
      );
      expect(conversion).toEqual({ status: 0, error: undefined });

      for (const document of documents) {
        const pdf = await readFile(join(dir, `${document.name}.pdf`));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        if (hasPdftotext) {
          const text = spawnSync('pdftotext', ['-layout', join(dir, `${document.name}.pdf`), '-'], {
            encoding: 'utf8',
          }).stdout;
          for (const expected of document.expect)
            expect({
              document: document.name,
              expected,
              found: text.includes(expected),
            }).toMatchObject({ found: true });
        } else {
          expect(pdf.length).toBeGreaterThan(5000);
        }
      }
      if (hasPdftotext) {
        const pages = /Pages:\s+(\d+)/.exec(
          spawnSync('pdfinfo', [join(dir, 'outcome-document.pdf')], { encoding: 'utf8' }).stdout,
        )?.[1];
        expect(Number(pages)).toBeGreaterThanOrEqual(2);
      }
    }, 180_000);
  });
}
