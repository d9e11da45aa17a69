import { compareRevisions, renderRedline, TemplateRegistry } from './index';
import type { RedlineData } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { sampleRedline } from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

const operativeOf = (documentXml: string) =>
  paragraphsOf(documentXml).filter((paragraph) =>
    paragraph.xml.includes('<w:pStyle w:val="Operative"/>'),
  );
const insertions = (xml: string) =>
  [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map(([, inner]) => textOf(inner));
const deletions = (xml: string) =>
  [...xml.matchAll(/<w:del [^>]*>([\s\S]*?)<\/w:del>/g)].map(([, inner]) => textOf(inner));

describe('redline', () => {
  it('marks exactly the changed word: one deletion of "shall", one insertion of "should"', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline(), registry));

    const [changed] = operativeOf(docx.document);
    expect(deletions(changed.xml)).toEqual(['shall']);
    expect(insertions(changed.xml)).toEqual(['should']);
    // The words around them are ordinary runs, outside any w:ins or w:del.
    const outside = changed.xml.replace(/<w:(ins|del) [^>]*>[\s\S]*?<\/w:\1>/g, '');
    expect(textOf(outside)).toBe('The Secretariat  prepare a report by 2026;');
    expect(changed.xml.indexOf('shall')).toBeLessThan(changed.xml.indexOf('should'));
  });

  it('attributes every change to the later revision author and date, with track changes on', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline(), registry));

    const marks = [
      ...docx.document.matchAll(/<w:(?:ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g),
    ];
    expect(marks.length).toBeGreaterThanOrEqual(6);
    expect(new Set(marks.map(([, , author, date]) => `${author} ${date}`))).toEqual(
      new Set(['Azerbaijan 2024-12-10T09:30:00Z']),
    );
    expect(new Set(marks.map(([, id]) => id)).size).toBe(marks.length);
    expect(docx.settings).toContain('<w:trackRevisions/>');
  });

  it('inserts a paragraph found only in the later revision and deletes one found only in the earlier, wholly', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline(), registry));

    const operative = operativeOf(docx.document);
    expect(operative.map((paragraph) => paragraph.text)).toEqual([
      'The Secretariat shallshould prepare a report by 2026;',
      'A newly proposed paragraph on youth exchanges;',
      'Member States will exchange views annually;',
      'This paragraph is withdrawn in the next revision;',
    ]);
    const [, inserted, unchanged, deleted] = operative;
    expect(inserted.xml).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(insertions(inserted.xml)).toEqual(['A newly proposed paragraph on youth exchanges;']);
    expect(deleted.xml).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(deletions(deleted.xml)).toEqual(['This paragraph is withdrawn in the next revision;']);
    expect(unchanged.xml).not.toMatch(/<w:(ins|del) /);
  });

  it('numbers the operative paragraphs as the later revision stands: a deleted paragraph takes no number', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline(), registry));

    const numbered = operativeOf(docx.document).map((paragraph) =>
      paragraph.xml.includes('<w:numPr>'),
    );
    expect(numbered).toEqual([true, true, true, false]);
  });

  it('compares the title and leaves unchanged preambular paragraphs alone', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline(), registry));

    const title = paragraphsOf(docx.document).find((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="Title"/>'),
    );
    expect(insertions(title!.xml)).toEqual([' of Ministers']);
    const preamble = paragraphsOf(docx.document).filter((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="Preamble"/>'),
    );
    expect(preamble.map((paragraph) => paragraph.text)).toEqual([
      'Recalling the Declaration of 1999,',
      'Noting the growing role of the Conference,',
    ]);
    expect(preamble.some((paragraph) => /<w:(ins|del) /.test(paragraph.xml))).toBe(false);
    expect(docx.text).toContain('Paragraphs inserted: 1; deleted: 1; modified: 1; unchanged: 3.');
  });

  it('places a deleted paragraph where it stood and follows the later order for moved ones', () => {
    const data: RedlineData = {
      ...sampleRedline(),
      from: {
        ...sampleRedline().from,
        preamble: [],
        operative: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
      },
      to: {
        ...sampleRedline().to,
        preamble: [],
        operative: ['d', 'a', 'c', 'e'].map((id) => ({ id, text: id.toUpperCase() })),
      },
    };
    const view = compareRevisions(data);
    expect(view.operative.map((paragraph) => `${paragraph.change}:${paragraph.id}`)).toEqual([
      'unchanged:d',
      'unchanged:a',
      'deleted:b',
      'unchanged:c',
      'inserted:e',
    ]);
  });

  it('is written in Russian when the header says so', async () => {
    const data = sampleRedline('ru');
    const docx = await openDocx(await renderRedline(data, registry));

    expect(docx.text).toContain(
      'Изменения: редакция 2 (1 декабря 2024 г.) → редакция 3 (10 декабря 2024 г., Azerbaijan)',
    );
    expect(textOf(docx.headers)).toContain('ПРОЕКТ');
    expect(textOf(docx.footers)).toContain('Стр. ');
  });

  it('loads the default templates itself when no registry is given', async () => {
    const docx = await openDocx(await renderRedline(sampleRedline()));
    expect(deletions(docx.document)).toContain('shall');
  });
});
