import type { Actor } from './actors';
import { availableActions, decideTransition } from './lifecycle';
import {
  ADMIN,
  CFM_CHAIR,
  chairOf,
  delegateOf,
  draft,
  EVERYONE,
  NOBODY_ANSWERED,
  NOW,
  OBSERVER,
  REACHED,
  SECRETARIAT,
  SOC_CHAIR,
  SWG_CHAIR,
} from './test-factories';
import { DRAFT_ACTIONS, DRAFT_STATUSES, type DraftAction, type DraftStatus } from './vocabulary';
import { FINAL, refusalOf, request } from './lifecycle-test-requests';

// Written out from DESIGN.md's diagram, independently of the LIFECYCLE table it checks.
const EXPECTED: Record<DraftStatus, Partial<Record<DraftAction, DraftStatus>>> = {
  PROPOSED: { submit: 'UNDER_SOC_REVIEW', withdraw: 'WITHDRAWN' },
  UNDER_SOC_REVIEW: { 'declare-consensus': 'CONSENSUS', withdraw: 'WITHDRAWN' },
  CONSENSUS: { adopt: 'ADOPTED', reopen: 'UNDER_SOC_REVIEW' },
  ADOPTED: {},
  WITHDRAWN: {},
};

const PAIRS = DRAFT_STATUSES.flatMap((status) =>
  DRAFT_ACTIONS.map((action) => {
    const to = EXPECTED[status][action];
    const outcome = to ?? (FINAL.includes(status) ? 'DRAFT_CLOSED' : 'TRANSITION_NOT_ALLOWED');
    return { status, action, outcome, to };
  }),
);

describe('decideTransition: every status × action', () => {
  it.each(PAIRS)('$action from $status → $outcome', ({ status, action, to }) => {
    const decision = decideTransition(request({ draft: draft({ status }), action }));
    if (to !== undefined) {
      expect(decision).toMatchObject({ ok: true, value: { from: status, to } });
      expect(Object.keys(decision)).toEqual(['ok', 'value']);
      return;
    }
    const error = refusalOf(decision);
    if (FINAL.includes(status)) {
      expect(error).toMatchObject({
        code: 'DRAFT_CLOSED',
        category: 'conflict',
        facts: { status, action },
      });
    } else {
      expect(error).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        category: 'conflict',
        facts: { status, action, allowedActions: Object.keys(EXPECTED[status]) },
      });
    }
  });

  it('explains a transition that is not possible at this stage, with what is', () => {
    const error = refusalOf(
      decideTransition(request({ draft: draft({ status: 'PROPOSED' }), action: 'adopt' })),
    );
    expect(error.message).toBe(
      'Adoption is not possible while the draft is proposed; possible now: submission for review or withdrawal.',
    );
  });

  it('says a closed draft can no longer change', () => {
    const error = refusalOf(
      decideTransition(request({ draft: draft({ status: 'ADOPTED' }), action: 'reopen' })),
    );
    expect(error.message).toBe('This draft has been adopted and can no longer change.');
  });

  it('refuses an action that does not exist', () => {
    const error = refusalOf(decideTransition(request({ action: 'approve' as DraftAction })));
    expect(error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      category: 'invalid',
      field: 'action',
    });
  });
});

describe('decideTransition: who may act', () => {
  const ACTORS: Record<string, Actor> = {
    secretariat: SECRETARIAT,
    'SOC chair': SOC_CHAIR,
    'CFM chair': CFM_CHAIR,
    'SWG chair': SWG_CHAIR,
    'chair of no body': chairOf(),
    'delegate of the penholder (AZE)': delegateOf('AZE'),
    'delegate of KAZ': delegateOf('KAZ'),
    admin: ADMIN,
    observer: OBSERVER,
    'SOC listed without the chair role': { ...SECRETARIAT, roles: ['observer'], chairOf: ['SOC'] },
  };
  const MAY: Record<DraftAction, { from: DraftStatus; who: string[]; requiredRoles: string[] }> = {
    submit: { from: 'PROPOSED', who: ['secretariat'], requiredRoles: ['secretariat'] },
    'declare-consensus': {
      from: 'UNDER_SOC_REVIEW',
      who: ['SOC chair', 'CFM chair'],
      requiredRoles: ['chair'],
    },
    adopt: { from: 'CONSENSUS', who: ['CFM chair'], requiredRoles: ['chair'] },
    reopen: { from: 'CONSENSUS', who: ['SOC chair', 'CFM chair'], requiredRoles: ['chair'] },
    withdraw: {
      from: 'PROPOSED',
      who: ['secretariat', 'delegate of the penholder (AZE)'],
      requiredRoles: ['secretariat', 'delegate'],
    },
  };
  const CASES = DRAFT_ACTIONS.flatMap((action) =>
    Object.keys(ACTORS).map((name) => ({ action, name, allowed: MAY[action].who.includes(name) })),
  );

  it.each(CASES)('$action by $name: allowed $allowed', ({ action, name, allowed }) => {
    const decision = decideTransition(
      request({ draft: draft({ status: MAY[action].from }), action, actor: ACTORS[name] }),
    );
    if (allowed) {
      expect(decision.ok).toBe(true);
      return;
    }
    const error = refusalOf(decision);
    if (action === 'withdraw' && name === 'delegate of KAZ') {
      expect(error).toMatchObject({
        code: 'NOT_PENHOLDER',
        category: 'forbidden',
        facts: { penholder: 'AZE', stateCode: 'KAZ', action },
      });
    } else {
      expect(error).toMatchObject({
        code: 'ROLE_REQUIRED',
        category: 'forbidden',
        facts: { action, requiredRoles: MAY[action].requiredRoles },
      });
    }
  });

  it('names who may act in the refusal', () => {
    const declare = refusalOf(
      decideTransition(request({ action: 'declare-consensus', actor: SWG_CHAIR })),
    );
    expect(declare.message).toBe('Only the chair of the SOC or CFM may declare consensus.');
    expect(declare.facts).toMatchObject({ bodyCodes: ['SOC', 'CFM'] });
    const withdraw = refusalOf(
      decideTransition(
        request({ draft: draft({ status: 'PROPOSED' }), action: 'withdraw', actor: OBSERVER }),
      ),
    );
    expect(withdraw.message).toBe(
      'Only the secretariat or a delegate of the penholder (AZE) may withdraw the draft.',
    );
  });

  it('lets a chair of both bodies act once when the reviewing body also adopts', () => {
    const socAdopts = draft({ adoptingBodyCode: 'SOC' });
    const error = refusalOf(
      decideTransition(
        request({ draft: socAdopts, action: 'declare-consensus', actor: CFM_CHAIR }),
      ),
    );
    expect(error.message).toBe('Only the chair of the SOC may declare consensus.');
  });

  it('checks the status before the actor', () => {
    const error = refusalOf(
      decideTransition(
        request({ draft: draft({ status: 'ADOPTED' }), action: 'submit', actor: OBSERVER }),
      ),
    );
    expect(error.code).toBe('DRAFT_CLOSED');
  });
});

describe('availableActions', () => {
  const base = { consensus: REACHED, now: NOW };

  it('lists only what the actor may do at this status, with whether it would succeed', () => {
    expect(
      availableActions({
        ...base,
        draft: draft({ status: 'PROPOSED', currentRevision: 0 }),
        actor: SECRETARIAT,
      }),
    ).toEqual([
      {
        action: 'submit',
        to: 'UNDER_SOC_REVIEW',
        needs: [],
        ready: false,
        refusal: expect.objectContaining({ code: 'REVISION_REQUIRED' }) as unknown,
      },
      { action: 'withdraw', to: 'WITHDRAWN', needs: [], ready: true, refusal: null },
    ]);
  });

  it('shows the chair that consensus is not yet reached, and why', () => {
    const [declare] = availableActions({
      ...base,
      draft: draft(),
      actor: SOC_CHAIR,
      consensus: NOBODY_ANSWERED,
    });
    expect(declare).toMatchObject({ action: 'declare-consensus', ready: false });
    expect(declare.refusal?.facts).toMatchObject({
      notAnswered: ['ARM', 'AZE', 'IND', 'KAZ', 'KWT'],
    });
  });

  it('tells what a request must still carry', () => {
    const actions = availableActions({
      ...base,
      draft: draft({ status: 'CONSENSUS' }),
      actor: CFM_CHAIR,
    });
    expect(actions).toEqual([
      { action: 'adopt', to: 'ADOPTED', needs: ['meeting'], ready: true, refusal: null },
      { action: 'reopen', to: 'UNDER_SOC_REVIEW', needs: ['reason'], ready: true, refusal: null },
    ]);
  });

  it('checks adoption against the meeting when one is given', () => {
    const early = { bodyCode: 'CFM', opensOn: '2025-01-10' };
    const [adopt] = availableActions({
      ...base,
      draft: draft({ status: 'CONSENSUS' }),
      actor: CFM_CHAIR,
      meeting: early,
    });
    expect(adopt).toMatchObject({ needs: [], ready: false, refusal: { code: 'MEETING_NOT_OPEN' } });
  });

  it('offers nothing to observers, admins, other delegations or on a closed draft', () => {
    expect(availableActions({ ...base, draft: draft(), actor: OBSERVER })).toEqual([]);
    expect(availableActions({ ...base, draft: draft(), actor: ADMIN })).toEqual([]);
    expect(availableActions({ ...base, draft: draft(), actor: delegateOf('KAZ') })).toEqual([]);
    expect(
      availableActions({ ...base, draft: draft({ status: 'ADOPTED' }), actor: EVERYONE }),
    ).toEqual([]);
  });
});
