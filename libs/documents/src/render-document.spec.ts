import { renderDocument, TemplateRegistry } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { missingInOrder } from './testing/missing-in-order';
import { sampleHeader } from './testing/meeting-samples';
import { sampleConsensusReport, sampleOutcome } from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
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

    expect(
      missingInOrder(docx.text, [
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
      ]),
    ).toBeUndefined();
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

    expect(
      missingInOrder(docx.text, [
        'Доклад о консенсусе',
        'Статус: Консенсус достигнут.',
        'Консенсус объявлен по итогам процедуры умолчания: 14 декабря 2024 г., 12:05 UTC.',
        'Процедура умолчания: срок — 14 декабря 2024 г., 12:00 UTC; к установленному сроку возражений не поступило.',
        'Казахстан',
        'Согласие с оговоркой',
        'Понимаем пункт 3 как не создающий новых финансовых обязательств.',
      ]),
    ).toBeUndefined();
  });
});
