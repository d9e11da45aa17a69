import { changesFromTrackedCopy, type TrackedParagraph } from './tracked-changes';
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
      unknown: ['Something no revision ever said'],
      unplaced: ['Guided by the Charter,'],
    });
  });
});
