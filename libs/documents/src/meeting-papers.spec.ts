import { renderDocument, TemplateRegistry } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { missingInOrder } from './testing/missing-in-order';
import { sampleAgenda, sampleListOfDocuments, sampleMeeting } from './testing/meeting-samples';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

describe('provisional agenda', () => {
  it('lists the agenda items in order under the meeting and the title', async () => {
    const data = sampleAgenda('en');
    const docx = await openDocx(await renderDocument(registry, 'provisional-agenda', 'en', data));

    expect(
      missingInOrder(docx.text, [
        'CICA',
        'CICA/CFM/7/1',
        'Conference on Interaction and Confidence Building Measures in Asia',
        'Distr.: General',
        '10 December 2024',
        'Seventh Meeting of the CICA Council of Ministers of Foreign Affairs',
        'Baku, 17 December 2024',
        'Provisional agenda',
        ...data.items.map((item) => `${item.number}.\t${item.title}`),
      ]),
    ).toBeUndefined();
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

    expect(
      missingInOrder(docx.text, [
        'СВМДА',
        'Совещание по взаимодействию и мерам доверия в Азии',
        'Распространение: общее',
        '10 декабря 2024 г.',
        'Баку, 17 декабря 2024 г.',
        'Предварительная повестка дня',
        '1.\tОткрытие совещания',
        '5.\tЗакрытие совещания',
      ]),
    ).toBeUndefined();
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

    expect(
      missingInOrder(docx.text, [
        'Annotated provisional agenda',
        '1.\tOpening of the meeting',
        'The Chair will open the meeting.',
        '2.\tAdoption of the agenda',
        '4.\tStatement on the 25th anniversary',
        'The Council will consider the draft statement',
        'Documentation',
        'CICA/CFM/7/DOC.1\tDraft statement',
        '5.\tClosing of the meeting',
      ]),
    ).toBeUndefined();
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
    expect(
      missingInOrder(docx.text, [
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
      ]),
    ).toBeUndefined();
  });
});
