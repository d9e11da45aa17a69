import { DomainError } from './errors';
import {
  buildRevisionContent,
  EXCERPT_MAX_LENGTH,
  findOpenBrackets,
  paragraphIndex,
  type RevisionContent,
  type RevisionInput,
} from './revision';
import { content } from './test-factories';

function idsFrom(...ids: string[]): () => string {
  const queue = [...ids];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('test ran out of ids');
    return next;
  };
}

function refusal(build: () => unknown): DomainError {
  try {
    build();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('buildRevisionContent', () => {
  const first: RevisionInput = {
    title: '  Draft   statement ',
    preamble: [{ text: 'Recalling\n the   Declaration,' }],
    operative: [{ text: 'Decide to continue;' }, { text: 'Request a report.' }],
  };

  it('gives every paragraph of a first revision a new id, in reading order', () => {
    const built = buildRevisionContent(null, first, idsFrom('a', 'b', 'c'));
    expect(built).toEqual({
      title: 'Draft statement',
      preamble: [{ id: 'a', text: 'Recalling the Declaration,' }],
      operative: [
        { id: 'b', text: 'Decide to continue;' },
        { id: 'c', text: 'Request a report.' },
      ],
    });
  });

  it('trims text and collapses inner whitespace, line breaks included, to one space', () => {
    const built = buildRevisionContent(
      null,
      { title: 'T', preamble: [], operative: [{ text: ' \tOne\n\n two\u00a0 three ' }] },
      idsFrom('a'),
    );
    expect(built.operative[0].text).toBe('One two three');
  });

  it('requires a title for the first revision', () => {
    const error = refusal(() =>
      buildRevisionContent(null, { ...first, title: undefined }, idsFrom('a', 'b', 'c')),
    );
    expect(error).toMatchObject({ code: 'TITLE_REQUIRED', field: 'title', category: 'invalid' });
  });

  it('keeps the previous title when none is given, and refuses a blank one', () => {
    const previous = content();
    const input: RevisionInput = { preamble: [], operative: [{ id: 'op1', text: 'Text.' }] };
    expect(buildRevisionContent(previous, input, idsFrom()).title).toBe(previous.title);
    const error = refusal(() =>
      buildRevisionContent(previous, { ...input, title: '   ' }, idsFrom()),
    );
    expect(error).toMatchObject({ code: 'TITLE_REQUIRED', field: 'title' });
  });

  it('keeps the identity of a paragraph that names a previous id, and numbers new ones afresh', () => {
    const previous = content();
    const built = buildRevisionContent(
      previous,
      {
        preamble: [{ id: 'pp2', text: 'Reaffirming, amended,' }],
        operative: [{ id: 'op1', text: 'Welcome.' }, { text: 'New paragraph.' }],
      },
      idsFrom('op4'),
    );
    expect(built.preamble).toEqual([{ id: 'pp2', text: 'Reaffirming, amended,' }]);
    expect(built.operative).toEqual([
      { id: 'op1', text: 'Welcome.' },
      { id: 'op4', text: 'New paragraph.' },
    ]);
  });

  it('lets a paragraph move between preamble and operative part without losing its identity', () => {
    const built = buildRevisionContent(
      content(),
      {
        preamble: [{ id: 'op3', text: 'Requesting a report,' }],
        operative: [{ id: 'pp1', text: 'Recall.' }],
      },
      idsFrom(),
    );
    expect(paragraphIndex(built).get('op3')).toEqual({
      part: 'preamble',
      number: 1,
      text: 'Requesting a report,',
    });
    expect(paragraphIndex(built).get('pp1')).toEqual({
      part: 'operative',
      number: 1,
      text: 'Recall.',
    });
  });

  it('treats an empty id as no id', () => {
    const built = buildRevisionContent(
      content(),
      {
        preamble: [],
        operative: [
          { id: '  ', text: 'New.' },
          { id: null, text: 'Newer.' },
        ],
      },
      idsFrom('n1', 'n2'),
    );
    expect(built.operative.map((p) => p.id)).toEqual(['n1', 'n2']);
  });

  it('refuses an id that is not in the previous revision, naming the field', () => {
    const error = refusal(() =>
      buildRevisionContent(
        content(),
        {
          preamble: [],
          operative: [{ id: 'op1', text: 'a' }, { text: 'b' }, { id: 'op9', text: 'c' }],
        },
        idsFrom('x'),
      ),
    );
    expect(error).toMatchObject({
      code: 'UNKNOWN_PARAGRAPH',
      field: 'operative[2].id',
      facts: { paragraphId: 'op9', part: 'operative', number: 3 },
    });
    expect(error.message).toBe(
      'Operative paragraph 3 refers to paragraph "op9", which is not in the previous revision.',
    );
  });

  it('refuses any id on a first revision', () => {
    const error = refusal(() =>
      buildRevisionContent(
        null,
        { title: 'T', preamble: [{ id: 'pp1', text: 'a' }], operative: [] },
        idsFrom(),
      ),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_PARAGRAPH', field: 'preamble[0].id' });
  });

  it('refuses the same id twice, naming both places', () => {
    const error = refusal(() =>
      buildRevisionContent(
        content(),
        { preamble: [{ id: 'op1', text: 'a' }], operative: [{ id: 'op1', text: 'b' }] },
        idsFrom(),
      ),
    );
    expect(error).toMatchObject({
      code: 'DUPLICATE_PARAGRAPH',
      field: 'operative[0].id',
      facts: {
        paragraphId: 'op1',
        first: { part: 'preamble', number: 1 },
        second: { part: 'operative', number: 1 },
      },
    });
  });

  it('refuses a blank paragraph', () => {
    const error = refusal(() =>
      buildRevisionContent(
        null,
        { title: 'T', preamble: [{ text: 'a' }, { text: ' \n ' }], operative: [] },
        idsFrom('a', 'b'),
      ),
    );
    expect(error).toMatchObject({ code: 'EMPTY_PARAGRAPH', field: 'preamble[1].text' });
    expect(error.message).toBe('Preambular paragraph 2 is empty.');
  });

  it('refuses a revision without paragraphs', () => {
    const error = refusal(() =>
      buildRevisionContent(content(), { preamble: [], operative: [] }, idsFrom()),
    );
    expect(error).toMatchObject({ code: 'EMPTY_REVISION' });
  });

  it('asks for no new id when the input is refused', () => {
    const newId = jest.fn(() => 'fresh');
    refusal(() =>
      buildRevisionContent(
        content(),
        { preamble: [{ text: 'new' }], operative: [{ id: 'nope', text: 'x' }] },
        newId,
      ),
    );
    expect(newId).not.toHaveBeenCalled();
  });

  it('treats an id generator that repeats an id in use as a bug, not a refusal', () => {
    const attempt = () =>
      buildRevisionContent(content(), { preamble: [], operative: [{ text: 'new' }] }, () => 'op1');
    expect(attempt).toThrow(Error);
    expect(attempt).not.toThrow(DomainError);
  });
});

describe('findOpenBrackets', () => {
  function withText(text: string, part: 'preamble' | 'operative' = 'operative'): RevisionContent {
    const revision = content();
    revision[part] = [...revision[part], { id: 'x', text }];
    return revision;
  }

  it('finds nothing in a settled text', () => {
    expect(findOpenBrackets(content())).toEqual([]);
  });

  it('reports bracketed text with its paragraph, part, number and excerpt', () => {
    expect(findOpenBrackets(withText('Decide to [strengthen] cooperation;'))).toEqual([
      {
        paragraphId: 'x',
        part: 'operative',
        number: 4,
        excerpt: '[strengthen]',
        problem: 'bracketed',
      },
    ]);
  });

  it('reports only the outer passage of nested brackets', () => {
    expect(findOpenBrackets(withText('Note [the [draft] plan] and [more]', 'preamble'))).toEqual([
      {
        paragraphId: 'x',
        part: 'preamble',
        number: 3,
        excerpt: '[the [draft] plan]',
        problem: 'bracketed',
      },
      { paragraphId: 'x', part: 'preamble', number: 3, excerpt: '[more]', problem: 'bracketed' },
    ]);
  });

  it('reports brackets in the title with no paragraph id', () => {
    expect(findOpenBrackets(content({ title: 'Statement [of the Council]' }))).toEqual([
      {
        paragraphId: null,
        part: 'title',
        number: 1,
        excerpt: '[of the Council]',
        problem: 'bracketed',
      },
    ]);
  });

  it('reports an unclosed bracket as unbalanced, from the bracket to the end', () => {
    expect(findOpenBrackets(withText('Decide [to [act] now'))).toMatchObject([
      { excerpt: '[to [act] now', problem: 'unbalanced' },
    ]);
  });

  it('reports a stray closing bracket as unbalanced', () => {
    expect(findOpenBrackets(withText('Agree [on this] and that] too'))).toMatchObject([
      { excerpt: '[on this]', problem: 'bracketed' },
      { excerpt: 'and that]', problem: 'unbalanced' },
    ]);
  });

  it('caps long excerpts', () => {
    const long = `[${'a'.repeat(200)}]`;
    const [found] = findOpenBrackets(withText(long));
    expect(found.excerpt).toHaveLength(EXCERPT_MAX_LENGTH);
    expect(found.excerpt.startsWith('[aaa')).toBe(true);
    expect(found.excerpt.endsWith('…')).toBe(true);
    const [stray] = findOpenBrackets(withText(`${'b'.repeat(200)}]`));
    expect(stray.excerpt).toHaveLength(EXCERPT_MAX_LENGTH);
    expect(stray.excerpt.startsWith('…')).toBe(true);
    expect(stray.excerpt.endsWith('b]')).toBe(true);
  });
});

describe('paragraphIndex', () => {
  it('maps each id to its part, 1-based number and text', () => {
    const index = paragraphIndex(content());
    expect([...index.keys()]).toEqual(['pp1', 'pp2', 'op1', 'op2', 'op3']);
    expect(index.get('op2')).toEqual({
      part: 'operative',
      number: 2,
      text: 'Decide to continue the dialogue on economic cooperation;',
    });
  });
});
