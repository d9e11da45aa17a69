import { MarkupError, markupToDocx } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';

const doc = (body: string, attributes = '') =>
  `<document language="en"${attributes}>\n<body>\n${body}\n</body>\n</document>`;

async function markupErrorOf(markup: string): Promise<MarkupError> {
  const error: unknown = await markupToDocx(markup).then(
    () => new Error('expected a MarkupError'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(MarkupError);
  return error as MarkupError;
}

describe('markup rules', () => {
  it.each([
    ['an unknown element', doc('<p>a</p>\n<para>b</para>'), 4, /unknown element <para>/],
    [
      'an unknown attribute',
      doc('<p colour="red">a</p>'),
      3,
      /unknown attribute "colour" on <p>; it takes style, align/,
    ],
    [
      'an unknown paragraph style',
      doc('<p style="Fancy">a</p>'),
      3,
      /unknown paragraph style "Fancy"/,
    ],
    ['an unclosed element', doc('<p>a <b>bold</p>'), 3, /<\/p> found where <\/b> was expected/],
    [
      'a closing tag that closes nothing',
      '<document language="en"><body><p>a</p></body></document></body>',
      1,
      /<\/body> closes an element that is not open/,
    ],
    [
      'an element never closed',
      '<document language="en"><body><p>a</p>',
      1,
      /<body> is never closed/,
    ],
    [
      'text outside a paragraph',
      doc('loose text'),
      3,
      /text directly inside <body> must be in a paragraph element/,
    ],
    [
      'a block inside a paragraph',
      doc('<p>a <table><row><cell>x</cell></row></table></p>'),
      3,
      /<table> is not allowed inside <p>/,
    ],
    ['a comment', doc('<!-- note -->'), 3, /comments are not part of the markup/],
    [
      'an attribute without a value',
      doc('<p keep-with-next>a</p>'),
      3,
      /attribute "keep-with-next" of <p> has no value/,
    ],
    ['a markup without <document>', '<body><p>a</p></body>', 1, /must start with <document>/],
    [
      'a second document',
      '<document language="en"><body/></document>\n<document language="en"/>',
      2,
      /<document> comes after <\/document>/,
    ],
    [
      'a language attribute that is not a language code',
      '<document language="French"><body></body></document>',
      1,
      /not a language code/,
    ],
    [
      'a tracked change without an author',
      doc('<p>a <ins>b</ins></p>'),
      3,
      /tracked change needs an author/,
    ],
    [
      'a table wider than its widths',
      doc('<table widths="50,50"><row><cell>a</cell><cell>b</cell><cell>c</cell></row></table>'),
      3,
      /gives 2 columns but the widest row has 3/,
    ],
    [
      'a field with no value',
      doc('<p><symbol/></p>'),
      3,
      /<symbol\/> is used but <document> has no symbol/,
    ],
  ])('refuses %s with its line', async (_case, markup, line, reason) => {
    const error = await markupErrorOf(markup);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(`markup line ${line}`);
  });

  it('decodes the entities Handlebars writes, in text and in attributes', async () => {
    const markup =
      '<document language="en" symbol="A&#x2F;B &quot;q&quot; &#x27;s&#x27; &#x3D; &#x60;"><page-header><p><symbol/></p></page-header><body><p>&lt;w:t&gt; &amp; &#x3D;&#x60;&#x27;&quot;</p></body></document>';
    const docx = await openDocx(await markupToDocx(markup));

    expect(docx.text.trim()).toBe('<w:t> & =`\'"');
    expect(textOf(docx.headers)).toBe('A/B "q" \'s\' = `');
  });

  it('collapses template white space but keeps no-break spaces and explicit breaks and tabs', async () => {
    const docx = await openDocx(
      await markupToDocx(
        doc(
          '<p>\n   Distr.:\u00a0General   and\n\t<b> bold </b> end <br/>  next<tab/>tabbed  </p>',
        ),
      ),
    );

    const [paragraph] = paragraphsOf(docx.document);
    // (textOf joins the w:t texts; the break and the tab sit between "end", "next" and "tabbed".)
    expect(paragraph.text).toBe('Distr.:\u00a0General and bold endnexttabbed');
    expect(paragraph.xml).toContain('<w:br/>');
    expect(paragraph.xml).toContain('<w:tab/>');
    expect(paragraph.xml).toMatch(
      /<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">bold <\/w:t>/,
    );
  });

  it('builds lists with real numbering, restarting for each numbered list', async () => {
    const docx = await openDocx(
      await markupToDocx(
        doc(
          '<list type="number"><item>one</item><item level="2">one-a</item></list><list type="number"><item>again one</item></list><list><item>bullet</item></list>',
        ),
      ),
    );
    const numIds = paragraphsOf(docx.document).map(
      (paragraph) => /<w:numId w:val="(\d+)"\/>/.exec(paragraph.xml)?.[1],
    );

    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).not.toBe(numIds[0]);
    expect(docx.document).toContain('<w:ilvl w:val="1"/>');
    expect(docx.numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(docx.numbering).toContain('<w:numFmt w:val="lowerLetter"/>');
  });

  it('builds tables with header rows, spans, widths and loose text in cells', async () => {
    const docx = await openDocx(
      await markupToDocx(
        doc(
          '<table widths="30,70" borders="rows"><row header="true"><cell span="2">Head</cell></row><row><cell>A <i>b</i></cell><cell><p>P1</p><p style="Note">P2</p></cell></row></table>',
        ),
      ),
    );

    expect(docx.document).toContain('<w:gridCol w:w="2721"/><w:gridCol w:w="6349"/>');
    expect(docx.document).toContain('<w:gridSpan w:val="2"/>');
    expect(docx.document).toContain('<w:tblHeader/>');
    expect(paragraphsOf(docx.document).map((paragraph) => paragraph.text)).toEqual([
      'Head',
      'A b',
      'P1',
      'P2',
    ]);
    expect(docx.document).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(docx.document).toContain('<w:pStyle w:val="TableText"/>');
  });

  it('writes tracked changes with the author and date of the document or the element', async () => {
    const docx = await openDocx(
      await markupToDocx(
        doc(
          '<p>we <del>shall</del><ins author="Kuwait" date="2024-12-02T10:00:00Z">should</ins> go</p>',
          ' revision-author="Azerbaijan" revision-date="2024-12-01T00:00:00Z"',
        ),
      ),
    );

    expect(docx.document).toMatch(
      /<w:del w:id="\d+" w:author="Azerbaijan" w:date="2024-12-01T00:00:00Z"><w:r><w:delText xml:space="preserve">shall<\/w:delText><\/w:r><\/w:del>/,
    );
    expect(docx.document).toMatch(
      /<w:ins w:id="\d+" w:author="Kuwait" w:date="2024-12-02T10:00:00Z"><w:r><w:t xml:space="preserve">should<\/w:t><\/w:r><\/w:ins>/,
    );
    expect(docx.settings).toContain('<w:trackRevisions/>');
  });

  it('leaves track changes off in a document without changes', async () => {
    const docx = await openDocx(await markupToDocx(doc('<p>plain</p>')));
    expect(docx.settings).not.toContain('trackRevisions');
  });
});
