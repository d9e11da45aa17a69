import type { Actor } from './actors';
import { decidePosition, type PositionInput, type PositionRequest } from './positions';
import {
  ADMIN,
  content,
  delegateOf,
  draft,
  member,
  NOW,
  OBSERVER,
  SECRETARIAT,
  SOC_CHAIR,
  withRoles,
} from './test-factories';
import { DRAFT_STATUSES, type Stance } from './vocabulary';

function request(overrides: Partial<PositionRequest> = {}): PositionRequest {
  const stateCode = overrides.stateCode ?? 'KAZ';
  return {
    draft: draft(),
    actor: delegateOf(stateCode),
    stateCode,
    member: member(stateCode),
    input: { stance: 'concur' },
    content: content(),
    now: NOW,
    ...overrides,
  };
}

function refusal(overrides: Partial<PositionRequest>) {
  const decision = decidePosition(request(overrides));
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision.error;
}

describe('decidePosition', () => {
  it("records a delegate's concurrence for their own state", () => {
    expect(decidePosition(request())).toEqual({
      ok: true,
      value: { stateCode: 'KAZ', stance: 'concur', text: null, paragraphs: [], onBehalf: false },
    });
  });

  it.each(DRAFT_STATUSES.filter((s) => s !== 'UNDER_SOC_REVIEW'))(
    'takes no position while the draft is %s',
    (status) => {
      expect(refusal({ draft: draft({ status }) })).toMatchObject({
        code: 'POSITIONS_CLOSED',
        category: 'conflict',
        facts: { status },
      });
    },
  );

  it('never lets a delegate record for another state', () => {
    const error = refusal({ actor: delegateOf('AZE'), stateCode: 'KAZ', member: member('KAZ') });
    expect(error).toMatchObject({
      code: 'NOT_OWN_STATE',
      category: 'forbidden',
      facts: { stateCode: 'KAZ', ownStateCode: 'AZE' },
    });
    expect(error.message).toBe(
      "A delegation records only its own state's position: you represent AZE, not KAZ.",
    );
  });

  it('refuses a delegate attached to no state', () => {
    expect(refusal({ actor: withRoles('delegate') })).toMatchObject({
      code: 'NOT_OWN_STATE',
      facts: { ownStateCode: null },
    });
  });

  it('lets the secretariat record any state position received by note verbale', () => {
    const decision = decidePosition(
      request({ actor: SECRETARIAT, stateCode: 'IND', member: member('IND') }),
    );
    expect(decision).toMatchObject({ ok: true, value: { stateCode: 'IND', onBehalf: true } });
  });

  it.each<[string, Actor]>([
    ['a chair', SOC_CHAIR],
    ['an admin', ADMIN],
    ['an observer', OBSERVER],
  ])('refuses %s', (_who, actor) => {
    expect(refusal({ actor })).toMatchObject({
      code: 'ROLE_REQUIRED',
      category: 'forbidden',
      facts: { requiredRoles: ['delegate', 'secretariat'], stateCode: 'KAZ' },
    });
  });

  it('answers not-found for a code that is no member state', () => {
    expect(refusal({ actor: SECRETARIAT, stateCode: 'EEC', member: undefined })).toMatchObject({
      code: 'NOT_AN_ACTIVE_MEMBER_STATE',
      category: 'not-found',
      facts: { stateCode: 'EEC' },
    });
  });

  it('refuses a state that has not joined yet, or has left', () => {
    const early = refusal({ stateCode: 'KWT', now: new Date('2022-01-05T00:00:00Z') });
    expect(early).toMatchObject({
      code: 'NOT_AN_ACTIVE_MEMBER_STATE',
      category: 'invalid',
      facts: { stateCode: 'KWT', joined: '2022-10-13', onDate: '2022-01-05' },
    });
    expect(early.message).toBe(
      'KWT is not an active member state on 5 January 2022: it joins on 13 October 2022.',
    );
    const left = refusal({ actor: SECRETARIAT, stateCode: 'XLF' });
    expect(left.message).toBe(
      'XLF is not an active member state on 17 December 2024: it left on 1 March 2020.',
    );
  });

  it.each<Stance>(['reservation', 'objection'])('requires a text with a %s', (stance) => {
    expect(refusal({ input: { stance, text: '  ' } })).toMatchObject({
      code: 'STANCE_TEXT_REQUIRED',
      field: 'text',
      category: 'invalid',
      facts: { stance },
    });
  });

  it('keeps a reservation with its text and paragraphs, in the order of the text', () => {
    const input: PositionInput = {
      stance: 'reservation',
      text: ' Kazakhstan reserves its position on op3 and pp1. ',
      paragraphs: ['op3', 'pp1', 'op3'],
    };
    expect(decidePosition(request({ input }))).toEqual({
      ok: true,
      value: {
        stateCode: 'KAZ',
        stance: 'reservation',
        text: 'Kazakhstan reserves its position on op3 and pp1.',
        paragraphs: ['pp1', 'op3'],
        onBehalf: false,
      },
    });
  });

  it('keeps an objection with its reason', () => {
    const decision = decidePosition(
      request({
        input: { stance: 'objection', text: 'Op2 is unacceptable.', paragraphs: ['op2'] },
      }),
    );
    expect(decision).toMatchObject({
      ok: true,
      value: { stance: 'objection', text: 'Op2 is unacceptable.', paragraphs: ['op2'] },
    });
  });

  it('refuses a paragraph that is not in the current revision, naming its index', () => {
    const error = refusal({
      input: { stance: 'reservation', text: 'x', paragraphs: ['op1', 'op7'] },
    });
    expect(error).toMatchObject({
      code: 'UNKNOWN_PARAGRAPH',
      field: 'paragraphs[1]',
      facts: { paragraphId: 'op7' },
    });
  });

  it('takes paragraphs and text only with a reservation or an objection', () => {
    expect(refusal({ input: { stance: 'concur', paragraphs: ['op1'] } })).toMatchObject({
      code: 'PARAGRAPHS_NOT_ALLOWED',
      field: 'paragraphs',
    });
    expect(refusal({ input: { stance: 'concur', text: 'With pleasure.' } })).toMatchObject({
      code: 'TEXT_NOT_ALLOWED',
      field: 'text',
    });
    expect(
      decidePosition(request({ input: { stance: 'concur', text: ' ', paragraphs: [] } })).ok,
    ).toBe(true);
  });

  it('refuses an unknown stance', () => {
    expect(refusal({ input: { stance: 'abstain' as Stance } })).toMatchObject({
      code: 'INVALID_STANCE',
      field: 'stance',
    });
  });
});
