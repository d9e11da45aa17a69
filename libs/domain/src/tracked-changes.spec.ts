import {
  amendmentsFromTrackedCopy,
  changesFromTrackedCopy,
  decideTrackedAmendments,
  type TrackedParagraph,
} from './tracked-changes';
import type { RevisionContent } from './revision';

const current: RevisionContent = {
  title: 'Statement',
  preamble: [{ id: 'p1', text: 'Recalling the Declaration of 1999,' }],
  operative: [
    { id: 'o1', text: 'Reaffirm the principles of the Declaration;' },
    { id: 'o2', text: 'Welcome the chairmanship of Azerbaijan;' },
    { id: 'o3', text: 'Request the Secretariat to report in 2026.' },
  ],
};

const unchanged = (part: TrackedParagraph['part'], text: string): TrackedParagraph => ({
  part,
  original: text,
  text,
});

describe('changesFromTrackedCopy', () => {
  it('proposes nothing for an untouched copy', () => {
    const copy = [
      unchanged('preamble', current.preamble[0].text),
      ...current.operative.map((p) => unchanged('operative', p.text)),
    ];
    expect(changesFromTrackedCopy(current, copy)).toEqual({
      changes: [],
      origins: [],
      unknown: [],
      unplaced: [],
    });
  });

  it('reads a replaced text, a deleted paragraph and an inserted one, in reading order', () => {
    const copy: TrackedParagraph[] = [
      unchanged('preamble', current.preamble[0].text),
      {
        part: 'operative',
        original: current.operative[0].text,
        text: 'Reaffirm the enduring principles of the Declaration;',
      },
      { part: 'operative', original: '', text: 'Commend the Secretariat for its work;' },
      { part: 'operative', original: current.operative[1].text, text: '' },
      unchanged('operative', current.operative[2].text),
    ];
    expect(changesFromTrackedCopy(current, copy).changes).toEqual([
      { paragraphId: 'o1', text: 'Reaffirm the enduring principles of the Declaration;' },
      { after: 'o1', text: 'Commend the Secretariat for its work;' },
      { paragraphId: 'o2', delete: true },
    ]);
  });

  it('finds the paragraph even when the copy was retyped slightly, and says what it cannot place', () => {
    const copy: TrackedParagraph[] = [
      { part: 'preamble', original: '', text: 'Guided by the Charter,' },
      {
        part: 'operative',
        original: 'Request the Secretariat to report in 2026',
        text: 'Request the Secretariat to report in 2025',
      },
      {
        part: 'operative',
        original: 'Something no revision ever said',
        text: 'Something no revision ever said',
      },
    ];
    expect(changesFromTrackedCopy(current, copy)).toEqual({
      changes: [{ paragraphId: 'o3', text: 'Request the Secretariat to report in 2025' }],
      origins: [1],
      unknown: ['Something no revision ever said'],
      unplaced: ['Guided by the Charter,'],
    });
  });
});

describe('amendmentsFromTrackedCopy', () => {
  it('makes one amendment per changed paragraph, each with the Word authors and latest date behind it', () => {
    const copy = [
      { ...unchanged('preamble', current.preamble[0].text), changes: [] },
      {
        part: 'operative' as const,
        original: current.operative[0].text,
        text: 'Reaffirm the enduring principles of the Declaration;',
        changes: [
          { author: 'AZE', date: '2026-11-28T09:00:00Z' },
          { author: 'AZE', date: '2026-11-30T10:00:00Z' },
        ],
      },
      {
        part: 'operative' as const,
        original: '',
        text: 'Commend the Secretariat;',
        changes: [{ author: 'Delegation of Azerbaijan', date: null }],
      },
      { ...unchanged('operative', current.operative[1].text), changes: [] },
      {
        part: 'operative' as const,
        original: current.operative[2].text,
        text: '',
        changes: [{ author: 'AZE', date: '2026-11-29T08:00:00Z' }],
      },
    ];
    expect(amendmentsFromTrackedCopy(current, copy).amendments).toEqual([
      {
        change: { paragraphId: 'o1', text: 'Reaffirm the enduring principles of the Declaration;' },
        authors: ['AZE'],
        date: '2026-11-30T10:00:00Z',
      },
      {
        change: { after: 'o1', text: 'Commend the Secretariat;' },
        authors: ['Delegation of Azerbaijan'],
        date: null,
      },
      {
        change: { paragraphId: 'o3', delete: true },
        authors: ['AZE'],
        date: '2026-11-29T08:00:00Z',
      },
    ]);
  });
});

describe('decideTrackedAmendments', () => {
  const change = { change: { paragraphId: 'o1', text: 'New' }, authors: [], date: null };

  it('refuses a copy with paragraphs the revision does not have, quoting them', () => {
    const decision = decideTrackedAmendments(
      { amendments: [change], unknown: ['Of another revision'], unplaced: [] },
      3,
    );
    expect(decision).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_THE_CURRENT_TEXT',
        facts: { revision: 3, unknown: ['Of another revision'] },
      },
    });
  });

  it('refuses a copy that changes nothing, and passes the amendments of one that does', () => {
    expect(decideTrackedAmendments({ amendments: [], unknown: [], unplaced: [] }, 2)).toMatchObject(
      {
        ok: false,
        error: { code: 'NO_PROPOSED_CHANGES' },
      },
    );
    expect(decideTrackedAmendments({ amendments: [change], unknown: [], unplaced: [] }, 2)).toEqual(
      {
        ok: true,
        value: [change],
      },
    );
  });
});
