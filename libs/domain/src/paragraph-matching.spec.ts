import {
  matchParagraphs,
  matchRevisionInput,
  paragraphSimilarity,
  type PreviousParagraph,
} from './paragraph-matching';
import type { RevisionContent } from './revision';

const previous: RevisionContent = {
  title: 'Statement',
  preamble: [
    { id: 'p1', text: 'Recalling the Declaration on Principles Guiding Relations of 1999,' },
    { id: 'p2', text: 'Reaffirming our commitment to the Charter of the United Nations,' },
  ],
  operative: [
    { id: 'o1', text: 'Reaffirm the continued relevance of the principles of the Declaration;' },
    { id: 'o2', text: 'Welcome the transfer of the chairmanship to Azerbaijan for 2024–2026;' },
    { id: 'o3', text: 'Agree that the Secretariat shall prepare a report by 2026.' },
  ],
};

describe('paragraphSimilarity', () => {
  it('is 1 for the same words whatever the case, spacing and punctuation', () => {
    expect(paragraphSimilarity('Decide  to act;', 'decide to act.')).toBe(1);
  });

  it('counts words in order, so the same words shuffled score lower than the same order', () => {
    const reordered = paragraphSimilarity(
      'peace and security and cooperation',
      'cooperation and security and peace',
    );
    expect(reordered).toBeLessThan(1);
    expect(paragraphSimilarity('a b c d e', 'a b c d x')).toBeCloseTo(0.8);
  });

  it('is 0 for texts with no word in common', () => {
    expect(paragraphSimilarity('Recalling the Declaration', 'Welcome Azerbaijan')).toBe(0);
  });
});

describe('matchRevisionInput', () => {
  it('keeps every id, with similarity 1, when the text comes back unchanged', () => {
    const incoming = [
      ...previous.preamble.map((p) => ({ part: 'preamble' as const, text: p.text })),
      ...previous.operative.map((p) => ({ part: 'operative' as const, text: p.text })),
    ];
    const input = matchRevisionInput(previous, incoming);
    expect(input.preamble).toEqual(previous.preamble);
    expect(input.operative).toEqual(previous.operative);
    expect(input.matched).toEqual({ p1: 1, p2: 1, o1: 1, o2: 1, o3: 1 });
  });

  it('keeps the id of an edited paragraph, gives none to a new one and leaves out a deleted one', () => {
    const input = matchRevisionInput(previous, [
      { part: 'preamble', text: previous.preamble[0].text },
      {
        part: 'operative',
        text: 'Welcome the transfer of the chairmanship to the Republic of Azerbaijan for 2024–2026;',
      },
      {
        part: 'operative',
        text: 'Invite observer states to take part in the Special Working Group.',
      },
      { part: 'operative', text: 'Agree that the Secretariat shall prepare a report by 2026.' },
    ]);
    expect(input.preamble).toEqual([{ id: 'p1', text: previous.preamble[0].text }]);
    expect(input.operative.map((p) => p.id)).toEqual(['o2', undefined, 'o3']);
    expect(input.matched.o2).toBeGreaterThan(0.8);
    expect(input.matched.o2).toBeLessThan(1);
    expect(Object.keys(input.matched).sort()).toEqual(['o2', 'o3', 'p1']);
  });

  it('follows a paragraph that moved, even from the preamble into the operative part', () => {
    const input = matchRevisionInput(previous, [
      { part: 'operative', text: previous.operative[2].text },
      { part: 'operative', text: previous.preamble[1].text },
    ]);
    expect(input.operative.map((p) => p.id)).toEqual(['o3', 'p2']);
  });

  it('gives every paragraph of a first revision no id', () => {
    const input = matchRevisionInput(null, [{ part: 'operative', text: 'Decide to act.' }]);
    expect(input).toEqual({ preamble: [], operative: [{ text: 'Decide to act.' }], matched: {} });
  });
});

describe('matchParagraphs', () => {
  it('matches a paragraph to one previous paragraph at most, the more similar winning', () => {
    const before: PreviousParagraph[] = [
      { id: 'x', part: 'operative', text: 'Decide to hold the summit in Astana' },
    ];
    const matches = matchParagraphs(before, [
      { part: 'operative', text: 'Decide to hold the summit in Baku' },
      { part: 'operative', text: 'Decide to hold the summit in Astana' },
    ]);
    expect(matches).toEqual([{ incoming: 1, paragraphId: 'x', similarity: 1 }]);
  });

  it('prefers the paragraph in the same part when two previous texts are identical', () => {
    const before: PreviousParagraph[] = [
      { id: 'pre', part: 'preamble', text: 'Noting the report,' },
      { id: 'op', part: 'operative', text: 'Noting the report,' },
    ];
    const matches = matchParagraphs(before, [{ part: 'operative', text: 'Noting the report,' }]);
    expect(matches.map((m) => m.paragraphId)).toEqual(['op']);
  });

  it('pairs repeated identical paragraphs in reading order', () => {
    const before: PreviousParagraph[] = [
      { id: 'a', part: 'operative', text: '[Reserved]' },
      { id: 'b', part: 'operative', text: 'Decide to act.' },
      { id: 'c', part: 'operative', text: '[Reserved]' },
    ];
    const matches = matchParagraphs(
      before,
      before.map((p) => ({ part: p.part, text: p.text })),
    );
    expect(matches.map((m) => m.paragraphId)).toEqual(['a', 'b', 'c']);
  });

  it('leaves a paragraph unmatched below the threshold', () => {
    const before: PreviousParagraph[] = [
      { id: 'x', part: 'operative', text: 'one two three four' },
    ];
    const incoming = [{ part: 'operative' as const, text: 'one two five six seven eight' }];
    expect(matchParagraphs(before, incoming)).toEqual([]);
    expect(matchParagraphs(before, incoming, { threshold: 0.3 })).toHaveLength(1);
  });

  it('pairs a thousand formulaic paragraphs in order, whether unchanged or each edited', () => {
    const text = (n: number) =>
      `Decide that item ${n} of the plan shall be reviewed by the committee in ${2000 + (n % 30)};`;
    const before: PreviousParagraph[] = Array.from({ length: 1000 }, (_, n) => ({
      id: `p${n}`,
      part: 'operative',
      text: text(n),
    }));
    for (const edit of [
      (t: string, n: number) => (n % 10 === 0 ? `${t} as amended` : t),
      (t: string) => `${t} as amended`,
    ]) {
      const matches = matchParagraphs(
        before,
        before.map((p, n) => ({ part: p.part, text: edit(p.text, n) })),
      );
      expect(matches.map((m) => m.paragraphId)).toEqual(before.map((p) => p.id));
    }
  });
});
