import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCompilation, renderDocument, renderRedline, TemplateRegistry } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { convertToPdf, hasSoffice } from './testing/pdf-conversion';
import {
  sampleAgenda,
  sampleCompilation,
  sampleConsensusReport,
  sampleHeader,
  sampleListOfDocuments,
  sampleMeeting,
  sampleOutcome,
  sampleRedline,
  OPERATIVE_EN,
} from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const index = text.indexOf(part, from);
    expect({ part, found: index >= 0 }).toEqual({ part, found: true });
    from = index + part.length;
  }
}

describe('provisional agenda', () => {
  it('lists the agenda items in order under the meeting and the title', async () => {
    const data = sampleAgenda('en');
    const docx = await openDocx(await renderDocument(registry, 'provisional-agenda', 'en', data));

    expectInOrder(docx.text, [
      'CICA',
      'CICA/CFM/7/1',
      'Conference on Interaction and Confidence Building Measures in Asia',
      'Distr.: General',
      '10 December 2024',
      'Seventh Meeting of the CICA Council of Ministers of Foreign Affairs',
      'Baku, 17 December 2024',
      'Provisional agenda',
      ...data.items.map((item) => `${item.number}.\t${item.title}`),
    ]);
    const items = paragraphsOf(docx.document).filter((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="AgendaItem"/>'),
    );
    expect(items.map((paragraph) => paragraph.text)).toEqual(
      data.items.map((item) => `${item.number}.${item.title}`),
    );
  });

  it('is written in Russian, in Cyrillic, with the Russian footer', async () => {
    const data = sampleAgenda('ru');
    const docx = await openDocx(await renderDocument(registry, 'provisional-agenda', 'ru', data));

    expectInOrder(docx.text, [
      'СВМДА',
      'Совещание по взаимодействию и мерам доверия в Азии',
      'Распространение: общее',
      '10 декабря 2024 г.',
      'Баку, 17 декабря 2024 г.',
      'Предварительная повестка дня',
      '1.\tОткрытие совещания',
      '5.\tЗакрытие совещания',
    ]);
    expect(docx.text).not.toMatch(/Provisional agenda|Page/);
    expect(textOf(docx.footers)).toContain('Стр. ');
    expect(textOf(docx.footers)).toContain(' из ');
    expect(docx.styles).toContain('w:val="ru-RU"');
  });

  it('carries the symbol in the page header and "Page X of Y" fields in the footer', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'provisional-agenda', 'en', sampleAgenda('en')),
    );

    expect(textOf(docx.headers)).toContain('CICA/CFM/7/1');
    expect(docx.footers).toMatch(
      /Page <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> of <\/w:t>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/,
    );
  });

  it('prints the meeting format when it is not in person', async () => {
    const data = sampleAgenda('en', {
      meeting: sampleMeeting('en', {
        format: 'videoconference',
        venue: null,
        startsOn: '2022-12-14',
        endsOn: '2022-12-15',
      }),
    });
    const docx = await openDocx(await renderDocument(registry, 'provisional-agenda', 'en', data));

    expect(docx.text).toContain('14–15 December 2022 (by videoconference)');
  });
});

describe('annotated agenda', () => {
  it('prints each item with its annotation and documentation, in order', async () => {
    const data = sampleAgenda('en');
    const docx = await openDocx(await renderDocument(registry, 'annotated-agenda', 'en', data));

    expectInOrder(docx.text, [
      'Annotated provisional agenda',
      '1.\tOpening of the meeting',
      'The Chair will open the meeting.',
      '2.\tAdoption of the agenda',
      '4.\tStatement on the 25th anniversary',
      'The Council will consider the draft statement',
      'Documentation',
      'CICA/CFM/7/DOC.1\tDraft statement',
      '5.\tClosing of the meeting',
    ]);
    expect(docx.document).toContain('<w:pStyle w:val="AgendaHeading"/>');
    expect(docx.styles).toMatch(/w:styleId="AgendaHeading"[\s\S]*?<w:basedOn w:val="Heading1"\/>/);
  });
});

describe('list of documents', () => {
  it('tabulates every document with its agenda item and status', async () => {
    const data = sampleListOfDocuments('en');
    const docx = await openDocx(await renderDocument(registry, 'list-of-documents', 'en', data));

    expect(docx.document).toContain('<w:tbl>');
    expect(docx.document).toContain('<w:tblHeader/>');
    expectInOrder(docx.text, [
      'List of documents',
      'Symbol',
      'Title',
      'Agenda item',
      'Status',
      'CICA/CFM/7/1',
      'Provisional agenda',
      'Report, revision 1',
      'Adopted',
      'CICA/CFM/7/DOC.1',
      'Statement, revision 3',
      'Consensus reached',
      'CICA/CFM/7/DOC.2',
      'Calendar of events, revision 1',
      '–',
      'Under review',
    ]);
  });
});

describe('outcome document', () => {
  it('numbers operative paragraphs with real Word numbering, not typed numbers', async () => {
    const data = sampleOutcome('en');
    const docx = await openDocx(await renderDocument(registry, 'outcome-document', 'en', data));

    const operative = paragraphsOf(docx.document).filter((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="Operative"/>'),
    );
    expect(operative.map((paragraph) => paragraph.text)).toEqual(
      data.revision.operative.map((paragraph) => paragraph.text),
    );
    const numIds = operative.map(
      (paragraph) =>
        /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(
          paragraph.xml,
        )?.[1],
    );
    expect(numIds.every((id) => id !== undefined && id === numIds[0])).toBe(true);
    expect(operative.some((paragraph) => /^\d+\./.test(paragraph.text))).toBe(false);
    // The list the paragraphs belong to is decimal, "%1.".
    const num = new RegExp(
      `<w:num w:numId="${numIds[0]}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`,
    ).exec(docx.numbering);
    expect(num).not.toBeNull();
    const abstract = new RegExp(
      `<w:abstractNum [^>]*w:abstractNumId="${num![1]}"[\\s\\S]*?</w:abstractNum>`,
    ).exec(docx.numbering)![0];
    expect(abstract).toMatch(
      /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%1."\/>/,
    );
  });

  it('sets the opening words of preambular paragraphs in italics', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'outcome-document', 'en', sampleOutcome('en')),
    );

    const preamble = paragraphsOf(docx.document).filter((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="Preamble"/>'),
    );
    expect(preamble).toHaveLength(3);
    const italicRuns = preamble.map((paragraph) =>
      [
        ...paragraph.xml.matchAll(
          /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g,
        ),
      ].map((match) => match[1]),
    );
    expect(italicRuns).toEqual([['Recalling'], ['Reaffirming'], ['Bearing in mind']]);
    expect(preamble[2].text).toBe(
      'Bearing in mind that dialogue and confidence building measures strengthen security in Asia,',
    );
  });

  it('marks bracketed text bold and highlighted, keeping the brackets', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'outcome-document', 'en', sampleOutcome('en')),
    );

    expect(docx.document).toMatch(
      /<w:r><w:rPr><w:rStyle w:val="Bracketed"\/><w:b\/><w:bCs\/><w:highlight w:val="yellow"\/><\/w:rPr><w:t[^>]*>\[the implementation of confidence building measures\]<\/w:t><\/w:r>/,
    );
    expect(docx.text).toContain(
      'shall prepare a report on [the implementation of confidence building measures] by 2026;',
    );
  });

  it('uses the named style sheet, Times New Roman and A4 pages', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'outcome-document', 'en', sampleOutcome('en')),
    );

    for (const style of [
      'Normal',
      'Title',
      'Heading1',
      'Heading2',
      'Preamble',
      'Operative',
      'TableText',
      'Note',
      'Header',
      'Footer',
      'DraftMark',
    ]) {
      expect(docx.styles).toContain(`w:styleId="${style}"`);
    }
    expect(docx.styles).toContain('w:styleId="Bracketed"');
    expect(docx.styles).toMatch(
      /<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/,
    );
    expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Title"/>');
  });

  it('prints the DRAFT mark on every page while the document is a draft', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'outcome-document', 'en', sampleOutcome('en')),
    );

    // Both the first-page header and the header of the following pages carry it.
    const headerParts = docx.headers.split('\n').filter((part) => part.includes('<w:hdr'));
    expect(headerParts.length).toBeGreaterThanOrEqual(2);
    for (const part of headerParts) {
      expect(part).toContain('<w:pStyle w:val="DraftMark"/>');
      expect(textOf(part)).toContain('DRAFT');
      expect(part).toContain('string="DRAFT"');
    }
  });

  it('prints no DRAFT mark once adopted, and records the adoption', async () => {
    const data = sampleOutcome('en', {
      header: sampleHeader('en', { draft: false }),
      adoption: {
        meeting: 'Seventh Meeting of the CICA Council of Ministers of Foreign Affairs',
        date: '2024-12-17',
      },
    });
    const docx = await openDocx(await renderDocument(registry, 'outcome-document', 'en', data));

    expect(docx.headers).not.toContain('DRAFT');
    expect(docx.headers).not.toContain('DraftMark');
    expect(docx.text).not.toContain('Draft, revision');
    expect(docx.text).toContain(
      'Adopted at the Seventh Meeting of the CICA Council of Ministers of Foreign Affairs on 17 December 2024.',
    );
  });

  it('prints the Russian draft mark ПРОЕКТ and Russian opening words in italics', async () => {
    const docx = await openDocx(
      await renderDocument(registry, 'outcome-document', 'ru', sampleOutcome('ru')),
    );

    expect(textOf(docx.headers)).toContain('ПРОЕКТ');
    expect(docx.document).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>Принимая во внимание<\/w:t>/);
    expect(docx.text).toContain(
      'Подтверждаем неизменную актуальность принципов Декларации 1999 года;',
    );
  });
});

describe('consensus report', () => {
  it('gives each member state position, reservation, its paragraphs, the counts and the silence deadline', async () => {
    const data = sampleConsensusReport('en');
    const docx = await openDocx(await renderDocument(registry, 'consensus-report', 'en', data));

    expectInOrder(docx.text, [
      'Consensus report',
      'Positions of member states as at 12 December 2024, 15:45 UTC',
      'CICA/CFM/7/DOC.1\tDraft statement of the Council of Ministers',
      'Status: Under review. Positions on revision 3.',
      'Silence procedure: deadline 14 December 2024, 12:00 UTC; running.',
      'Concur',
      'Concur with reservation',
      'Object',
      'No answer',
      'Azerbaijan',
      'Concurs',
      '11 December 2024',
      'Kazakhstan',
      'Concurs with reservation',
      'OP 3',
      'We understand OP 3 as creating no new financial obligations.',
      '11 December 2024 *',
      'Tajikistan',
      'Objects',
      'PP 3, OP 2',
      'We ask that the bracketed words in PP 3 be deleted.',
      'Kuwait',
      'No answer',
      'Amendments',
      'Revision 3: accepted 1 (Kazakhstan); bracketed 2 (India); withdrawn 3 (Tajikistan);',
      '* Recorded by the secretariat on behalf of the member state.',
    ]);
    const counts = paragraphsOf(docx.document).map((paragraph) => paragraph.text);
    const countsStart = counts.indexOf('No answer');
    expect(counts.slice(countsStart + 1, countsStart + 5)).toEqual(['1', '1', '1', '1']);
    expect(docx.headers).not.toContain('DRAFT');
  });

  it('reports a declared consensus and its method, in Russian too', async () => {
    const data = sampleConsensusReport('ru');
    data.drafts[0] = {
      ...data.drafts[0],
      status: 'CONSENSUS',
      consensus: { method: 'silence', declaredAt: '2024-12-14T12:05:00Z' },
      silence: { deadline: '2024-12-14T12:00:00Z', status: 'held' },
    };
    const docx = await openDocx(await renderDocument(registry, 'consensus-report', 'ru', data));

    expectInOrder(docx.text, [
      'Доклад о консенсусе',
      'Статус: Консенсус достигнут.',
      'Консенсус объявлен по итогам процедуры умолчания: 14 декабря 2024 г., 12:05 UTC.',
      'Процедура умолчания: срок — 14 декабря 2024 г., 12:00 UTC; к установленному сроку возражений не поступило.',
      'Казахстан',
      'Согласие с оговоркой',
      'Понимаем пункт 3 как не создающий новых финансовых обязательств.',
    ]);
  });
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
