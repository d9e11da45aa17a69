import {
  amendmentStatusOf,
  decideProposal,
  decideSponsorship,
  decideWithdrawal,
  type AmendmentFacts,
  type ProposalRequest,
} from './amendments';
import type { Decision } from './errors';
import { decideRevision } from './lifecycle';
import {
  content,
  delegateOf,
  draft,
  member,
  NOW,
  OBSERVER,
  SECRETARIAT,
  SOC_CHAIR,
  CFM_CHAIR,
} from './test-factories';
import { DRAFT_STATUSES } from './vocabulary';

function proposal(overrides: Partial<ProposalRequest> = {}): ProposalRequest {
  const stateCode = overrides.stateCode ?? 'KAZ';
  return {
    draft: draft(),
    actor: delegateOf(stateCode),
    stateCode,
    member: member(stateCode),
    revision: 1,
    content: content(),
    input: { changes: [{ paragraphId: 'op2', text: 'Decide to deepen economic cooperation;' }] },
    now: NOW,
    ...overrides,
  };
}

function refusalOf<T>(decision: Decision<T>) {
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision.error;
}

const OPEN: AmendmentFacts = {
  number: 3,
  stateCode: 'KAZ',
  sponsors: [],
  status: 'proposed',
  revision: 1,
};

describe('decideProposal', () => {
  it("takes a delegate's replacement, insertion and deletion for its own state, spaces normalised", () => {
    const decision = decideProposal(
      proposal({
        input: {
          changes: [
            { paragraphId: 'op2', text: '  Decide to deepen\n economic cooperation; ' },
            { after: 'op3', text: 'Welcome the new partners.' },
            { paragraphId: 'pp2', delete: true },
          ],
          note: ' Consistent with the 2022 Action Plan. ',
        },
      }),
    );
    expect(decision).toEqual({
      ok: true,
      value: {
        stateCode: 'KAZ',
        onBehalf: false,
        note: 'Consistent with the 2022 Action Plan.',
        changes: [
          { paragraphId: 'op2', text: 'Decide to deepen economic cooperation;' },
          { after: 'op3', text: 'Welcome the new partners.' },
          { paragraphId: 'pp2', delete: true },
        ],
      },
    });
  });

  it('refuses a delegate proposing for another state', () => {
    const error = refusalOf(decideProposal(proposal({ actor: delegateOf('AZE') })));
    expect(error).toMatchObject({
      code: 'NOT_OWN_STATE',
      category: 'forbidden',
      facts: { stateCode: 'KAZ', ownStateCode: 'AZE' },
    });
    expect(error.message).toBe(
      "A delegation proposes only its own state's amendments: you represent AZE, not KAZ.",
    );
  });

  it("lets the secretariat enter a state's amendment on its behalf, saying so", () => {
    expect(decideProposal(proposal({ actor: SECRETARIAT }))).toMatchObject({
      ok: true,
      value: { stateCode: 'KAZ', onBehalf: true },
    });
  });

  it('refuses a chair or an observer', () => {
    for (const actor of [SOC_CHAIR, OBSERVER]) {
      expect(refusalOf(decideProposal(proposal({ actor })))).toMatchObject({
        code: 'ROLE_REQUIRED',
      });
    }
  });

  it.each(DRAFT_STATUSES.filter((s) => s !== 'UNDER_SOC_REVIEW'))(
    'takes no amendment while the draft is %s',
    (status) => {
      expect(refusalOf(decideProposal(proposal({ draft: draft({ status }) })))).toMatchObject({
        code: 'AMENDMENTS_CLOSED',
        category: 'conflict',
      });
    },
  );

  it('refuses an amendment on a superseded revision (conflict) or on one that does not exist', () => {
    const current = draft({ currentRevision: 2 });
    expect(refusalOf(decideProposal(proposal({ draft: current, revision: 1 })))).toMatchObject({
      code: 'REVISION_SUPERSEDED',
      category: 'conflict',
      field: 'revision',
      facts: { given: 1, current: 2 },
    });
    expect(refusalOf(decideProposal(proposal({ draft: current, revision: 3 })))).toMatchObject({
      code: 'UNKNOWN_REVISION',
      category: 'invalid',
    });
  });

  it('names an unknown paragraph and the field that names it', () => {
    const error = refusalOf(
      decideProposal(
        proposal({
          input: {
            changes: [
              { paragraphId: 'op1', text: 'Welcome it;' },
              { after: 'op9', text: 'New.' },
            ],
          },
        }),
      ),
    );
    expect(error).toMatchObject({
      code: 'UNKNOWN_PARAGRAPH',
      category: 'invalid',
      field: 'changes[1].after',
      facts: { paragraphId: 'op9' },
    });
    expect(error.message).toBe('Paragraph "op9" is not in revision 1 of the draft.');
  });

  it.each([
    [[], 'EMPTY_AMENDMENT', 'changes'],
    [[{ paragraphId: 'op1' }], 'EMPTY_PARAGRAPH', 'changes[0].text'],
    [[{ after: 'op1', text: '  ' }], 'EMPTY_PARAGRAPH', 'changes[0].text'],
    [[{ paragraphId: 'op1', after: 'op2', text: 'x' }], 'INVALID_CHANGE', 'changes[0]'],
    [[{ text: 'x' }], 'INVALID_CHANGE', 'changes[0]'],
    [[{ paragraphId: 'op1', delete: true, text: 'x' }], 'INVALID_CHANGE', 'changes[0]'],
    [
      [{ paragraphId: 'op1', text: 'Welcome the chairmanship of Azerbaijan for 2024–2026;' }],
      'INVALID_CHANGE',
      'changes[0].text',
    ],
    [
      [
        { paragraphId: 'op1', text: 'x' },
        { paragraphId: 'op1', delete: true },
      ],
      'DUPLICATE_PARAGRAPH',
      'changes[1].paragraphId',
    ],
  ])('refuses the changes %j with %s on %s', (changes, code, field) => {
    expect(refusalOf(decideProposal(proposal({ input: { changes } })))).toMatchObject({
      code,
      field,
    });
  });
});

describe('decideSponsorship', () => {
  const request = (stateCode: string, join = true, amendment = OPEN) => ({
    draft: draft(),
    actor: delegateOf(stateCode),
    stateCode,
    member: member(stateCode),
    amendment,
    join,
    now: NOW,
  });

  it('adds a co-sponsor once, and takes it off again', () => {
    expect(decideSponsorship(request('IND'))).toEqual({
      ok: true,
      value: { sponsors: ['IND'], changed: true, onBehalf: false },
    });
    const sponsored = { ...OPEN, sponsors: ['IND'] };
    expect(decideSponsorship(request('IND', true, sponsored))).toMatchObject({
      value: { sponsors: ['IND'], changed: false },
    });
    expect(decideSponsorship(request('IND', false, sponsored))).toMatchObject({
      value: { sponsors: [], changed: true },
    });
  });

  it('refuses the proposer as co-sponsor, and a delegate for another state', () => {
    expect(refusalOf(decideSponsorship(request('KAZ')))).toMatchObject({
      code: 'PROPOSER_SPONSORS',
      category: 'conflict',
    });
    expect(
      refusalOf(decideSponsorship({ ...request('IND'), actor: delegateOf('ARM') })),
    ).toMatchObject({ code: 'NOT_OWN_STATE' });
  });

  it('refuses a withdrawn or disposed amendment', () => {
    for (const status of ['withdrawn', 'accepted', 'not-retained'] as const) {
      expect(refusalOf(decideSponsorship(request('IND', true, { ...OPEN, status })))).toMatchObject(
        { code: 'AMENDMENT_NOT_OPEN', facts: { number: 3, status } },
      );
    }
  });
});

describe('decideWithdrawal', () => {
  const request = (actor = delegateOf('KAZ'), amendment = OPEN) => ({
    draft: draft(),
    actor,
    member: member('KAZ'),
    amendment,
    now: NOW,
  });

  it('lets the proposing delegation or the secretariat withdraw an open amendment', () => {
    expect(decideWithdrawal(request())).toEqual({ ok: true, value: { onBehalf: false } });
    expect(decideWithdrawal(request(SECRETARIAT))).toEqual({ ok: true, value: { onBehalf: true } });
  });

  it('refuses a co-sponsor or another delegation, and an amendment already withdrawn', () => {
    expect(refusalOf(decideWithdrawal(request(delegateOf('IND'))))).toMatchObject({
      code: 'NOT_OWN_STATE',
    });
    expect(
      refusalOf(decideWithdrawal(request(undefined, { ...OPEN, status: 'withdrawn' }))),
    ).toMatchObject({ code: 'AMENDMENT_NOT_OPEN' });
  });
});

describe('decideRevision with a disposition', () => {
  it('lets the chairs and the secretariat dispose, not the penholder', () => {
    for (const actor of [SOC_CHAIR, CFM_CHAIR, SECRETARIAT])
      expect(decideRevision({ draft: draft(), actor, disposing: true }).ok).toBe(true);
    const refused = decideRevision({ draft: draft(), actor: delegateOf('AZE'), disposing: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(decideRevision({ draft: draft(), actor: SOC_CHAIR }).ok).toBe(false);
  });
});

describe('amendmentStatusOf', () => {
  it('is proposed until withdrawn, and a disposition outranks a withdrawal', () => {
    expect(amendmentStatusOf({ outcome: null, withdrawn: false })).toBe('proposed');
    expect(amendmentStatusOf({ outcome: null, withdrawn: true })).toBe('withdrawn');
    expect(amendmentStatusOf({ outcome: 'bracketed', withdrawn: false })).toBe('bracketed');
    expect(amendmentStatusOf({ outcome: 'not-retained', withdrawn: true })).toBe('not-retained');
  });
});
