import { renderCompilation, TemplateRegistry } from './index';
import { compileAmendments } from './compilation-view';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { largeCompilation, sampleCompilation } from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

/** Every w:ins / w:del of a piece of XML: its author and its text. */
const marks = (xml: string) =>
  [
    ...xml.matchAll(
      /<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g,
    ),
  ].map(([, kind, author, date, inner]) => ({ kind, author, date, text: textOf(inner) }));

describe('compilation of amendments', () => {
  it('puts under each paragraph a copy per amendment, its change tracked word by word and authored by the proposing state', async () => {
    const docx = await openDocx(await renderCompilation(sampleCompilation(), registry));
    const paragraphs = paragraphsOf(docx.document);
    const at = (text: string) => paragraphs.findIndex((p) => p.text === text);

    const op1 = at('The Secretariat shall prepare a report by 2026;');
    expect(op1).toBeGreaterThan(0);
    expect(paragraphs[op1].xml).toContain('<w:pStyle w:val="Operative"/>');
    expect(paragraphs[op1 + 1].text).toBe('Amendment 1 (Kazakhstan)');
    expect(marks(paragraphs[op1 + 2].xml)).toEqual([
      { kind: 'del', author: 'Kazakhstan', date: '2024-12-05T10:00:00Z', text: 'shall' },
      { kind: 'ins', author: 'Kazakhstan', date: '2024-12-05T10:00:00Z', text: 'should' },
    ]);
    expect(paragraphs[op1 + 3].text).toBe('Co-sponsored by Azerbaijan.');
    expect(paragraphs[op1 + 4].text).toBe('Note: Softer wording, as in the 2022 Action Plan.');
    expect(paragraphs[op1 + 5].text).toBe('Amendment 2 (India, by note verbale)');
    expect(marks(paragraphs[op1 + 6].xml)).toEqual([
      { kind: 'del', author: 'India', date: '2024-12-06T11:30:00Z', text: '2026' },
      { kind: 'ins', author: 'India', date: '2024-12-06T11:30:00Z', text: '2025' },
    ]);
    // The paragraph itself carries no tracked change: only the copies do.
    expect(paragraphs[op1].xml).not.toMatch(/<w:(ins|del) /);
    expect(docx.settings).toContain('<w:trackRevisions/>');
  });

  it('shows a deletion as a deleted copy and an insertion as an inserted paragraph after its anchor', async () => {
    const docx = await openDocx(await renderCompilation(sampleCompilation(), registry));
    const paragraphs = paragraphsOf(docx.document);
    const op2 = paragraphs.findIndex(
      (p) => p.text === 'Member States will exchange views annually;',
    );
    expect(paragraphs[op2 + 1].text).toBe('Amendment 3 (Armenia): Withdrawn');
    const inserted = paragraphs[op2 + 2];
    expect(inserted.xml).toMatch(/<w:rPr><w:ins [^>]*w:author="Armenia"[^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(marks(inserted.xml)).toEqual([
      expect.objectContaining({
        kind: 'ins',
        author: 'Armenia',
        text: 'Youth exchanges shall be encouraged;',
      }),
    ]);
    const op3 = paragraphs.findIndex((p) => p.text === 'This paragraph is proposed for deletion;');
    expect(paragraphs[op3 + 1].text).toBe('Amendment 2 (India, by note verbale)');
    expect(marks(paragraphs[op3 + 2].xml)).toEqual([
      expect.objectContaining({
        kind: 'del',
        author: 'India',
        text: 'This paragraph is proposed for deletion;',
      }),
    ]);
  });

  it('lists the amendments by number in a table at the end', async () => {
    const docx = await openDocx(await renderCompilation(sampleCompilation(), registry));
    const table = docx.document.slice(docx.document.lastIndexOf('<w:tbl>'));
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['No.', 'Proposed by', 'Co-sponsors', 'Paragraphs', 'Status', 'Note'],
      [
        '1',
        'Kazakhstan',
        'Azerbaijan',
        'OP 1',
        'Proposed',
        'Softer wording, as in the 2022 Action Plan.',
      ],
      ['2', 'India *', '', 'OP 1, OP 3', 'Proposed', ''],
      ['3', 'Armenia', '', 'OP 2', 'Withdrawn', ''],
    ]);
    expect(docx.text).toContain('3 amendments from 3 member states');
  });

  it('is written in Russian when the header says so, with the states named in Russian as authors', async () => {
    const docx = await openDocx(await renderCompilation(sampleCompilation('ru'), registry));
    expect(docx.text).toContain('Поправка 1 (Казахстан)');
    expect(docx.text).toContain('Соавторы: Азербайджан.');
    expect(new Set(marks(docx.document).map((m) => m.author))).toEqual(
      new Set(['Казахстан', 'Индия', 'Армения']),
    );
    expect(textOf(docx.headers)).toContain('ПРОЕКТ');
  });

  it('lays out 28 states × 3 amendments on 60 paragraphs, every amendment under its paragraph', () => {
    const view = compileAmendments(largeCompilation(60, 28, 3));
    expect(view.preamble.length + view.operative.length).toBe(60);
    const placed = [...view.preamble, ...view.operative].flatMap((p) => p.proposals);
    expect(placed).toHaveLength(84);
    expect(view.amendments.map((a) => a.number)).toEqual(
      Array.from({ length: 84 }, (_, i) => i + 1),
    );
  });
});
