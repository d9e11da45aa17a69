import { evaluateConsensus } from './consensus';
import { applyDisposition, type AmendmentRecord, type DispositionInput } from './disposition';
import type { Decision } from './errors';
import { findOpenBrackets } from './revision';
import { allConcur, content, MEMBERS, NOW } from './test-factories';

const KAZ: AmendmentRecord = {
  id: 'a1',
  number: 1,
  stateCode: 'KAZ',
  status: 'proposed',
  changes: [{ paragraphId: 'op2', text: 'Decide to deepen economic cooperation;' }],
};
const IND: AmendmentRecord = {
  id: 'a2',
  number: 2,
  stateCode: 'IND',
  status: 'proposed',
  changes: [{ paragraphId: 'op2', text: 'Decide to review economic cooperation;' }],
};
const ARM: AmendmentRecord = {
  id: 'a3',
  number: 3,
  stateCode: 'ARM',
  status: 'proposed',
  changes: [
    { after: 'op1', text: 'Welcome the new partners;' },
    { paragraphId: 'pp2', delete: true },
  ],
};
const WITHDRAWN: AmendmentRecord = {
  id: 'a4',
  number: 4,
  stateCode: 'AZE',
  status: 'withdrawn',
  changes: [{ paragraphId: 'op3', delete: true }],
};
const ALL = [KAZ, IND, ARM, WITHDRAWN];

function dispose(disposition: DispositionInput, amendments = ALL) {
  let n = 0;
  return applyDisposition(content(), amendments, disposition, () => `new${++n}`);
}

function refusalOf<T>(decision: Decision<T>) {
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision.error;
}

describe('applyDisposition', () => {
  it('applies accepted changes, keeps ids, and records every outcome in number order', () => {
    const result = dispose({ accepted: ['a1', 'a3'] });
    if (!result.ok) throw result.error;
    expect(result.value.content).toEqual({
      title: content().title,
      preamble: [{ id: 'pp1', text: 'Recalling the Declaration of Principles of 1999,' }],
      operative: [
        { id: 'op1', text: 'Welcome the chairmanship of Azerbaijan for 2024–2026;' },
        { id: 'new1', text: 'Welcome the new partners;' },
        { id: 'op2', text: 'Decide to deepen economic cooperation;' },
        { id: 'op3', text: 'Request the Secretariat to report on implementation.' },
      ],
    });
    expect(result.value.outcomes).toEqual([
      { amendmentId: 'a1', number: 1, outcome: 'accepted' },
      { amendmentId: 'a2', number: 2, outcome: 'not-retained' },
      { amendmentId: 'a3', number: 3, outcome: 'accepted' },
      { amendmentId: 'a4', number: 4, outcome: 'withdrawn' },
    ]);
  });

  it('enters bracketed amendments as [original] [amended], which blocks consensus', () => {
    const result = dispose({ bracketed: ['a1', 'a2', 'a3'] });
    if (!result.ok) throw result.error;
    const text = result.value.content;
    expect(text.operative.map((p) => p.text)).toEqual([
      'Welcome the chairmanship of Azerbaijan for 2024–2026;',
      '[Welcome the new partners;]',
      '[Decide to continue the dialogue on economic cooperation;] [Decide to deepen economic cooperation;] [Decide to review economic cooperation;]',
      'Request the Secretariat to report on implementation.',
    ]);
    expect(text.preamble[1]).toEqual({
      id: 'pp2',
      text: '[Reaffirming our commitment to confidence building measures,]',
    });
    const consensus = evaluateConsensus({
      members: MEMBERS,
      positions: allConcur(),
      content: text,
      onDate: NOW,
    });
    expect(consensus.reached).toBe(false);
    expect(findOpenBrackets(text).map((b) => b.paragraphId)).toEqual([
      'pp2',
      'new1',
      'op2',
      'op2',
      'op2',
    ]);
  });

  it('refuses two accepted amendments to the same paragraph, naming both', () => {
    const error = refusalOf(dispose({ accepted: ['a2', 'a1'] }));
    expect(error).toMatchObject({
      code: 'CONFLICTING_AMENDMENTS',
      category: 'invalid',
      facts: {
        paragraphId: 'op2',
        amendments: [
          { id: 'a1', number: 1, stateCode: 'KAZ', disposed: 'accepted' },
          { id: 'a2', number: 2, stateCode: 'IND', disposed: 'accepted' },
        ],
      },
    });
    expect(error.message).toBe(
      'Amendments 1 (KAZ) and 2 (IND) both change operative paragraph 2; accept one of them alone, or bracket them all.',
    );
    expect(refusalOf(dispose({ accepted: ['a1'], bracketed: ['a2'] })).code).toBe(
      'CONFLICTING_AMENDMENTS',
    );
  });

  it('refuses an unknown, repeated or withdrawn amendment, naming the field', () => {
    expect(refusalOf(dispose({ accepted: ['a1'], bracketed: ['zz'] }))).toMatchObject({
      code: 'UNKNOWN_AMENDMENT',
      field: 'disposition.bracketed[0]',
      facts: { amendmentId: 'zz' },
    });
    expect(refusalOf(dispose({ accepted: ['a3'], bracketed: ['a3'] }))).toMatchObject({
      code: 'AMENDMENT_DISPOSED_TWICE',
      field: 'disposition.bracketed[0]',
    });
    expect(refusalOf(dispose({ accepted: ['a4'] }))).toMatchObject({
      code: 'AMENDMENT_NOT_OPEN',
      facts: { status: 'withdrawn' },
    });
  });

  it('refuses an amendment naming a paragraph the revision lacks, naming it', () => {
    const stray: AmendmentRecord = { ...KAZ, changes: [{ paragraphId: 'op9', delete: true }] };
    expect(refusalOf(dispose({ accepted: ['a1'] }, [stray]))).toMatchObject({
      code: 'UNKNOWN_PARAGRAPH',
      facts: { paragraphId: 'op9', number: 1 },
    });
  });

  it('leaves the text as it was when nothing is retained', () => {
    const result = dispose({});
    expect(result).toMatchObject({ ok: true, value: { content: content() } });
  });
});
