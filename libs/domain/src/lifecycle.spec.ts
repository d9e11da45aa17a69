import type { Actor } from './actors';
import type { ConsensusStatus } from './consensus';
import {
  availableActions,
  decideRevision,
  decideSilenceConsensus,
  decideTransition,
  type TransitionRequest,
} from './lifecycle';
import type { DraftEffect, MeetingFacts } from './draft-status';
import {
  ADMIN,
  CFM_CHAIR,
  chairOf,
  consensusOf,
  delegateOf,
  draft,
  EVERYONE,
  NOBODY_ANSWERED,
  NOW,
  OBSERVER,
  position,
  REACHED,
  SECRETARIAT,
  SOC_CHAIR,
  SWG_CHAIR,
  withRoles,
} from './test-factories';
import { DRAFT_ACTIONS, DRAFT_STATUSES, type DraftAction, type DraftStatus } from './vocabulary';

const CFM_MEETING: MeetingFacts = { bodyCode: 'CFM', opensOn: '2024-12-17' };

/** A request that meets every condition, so that only what a test changes can refuse it. */
function request(overrides: Partial<TransitionRequest> = {}): TransitionRequest {
  return {
    draft: draft(),
    action: 'submit',
    actor: EVERYONE,
    reason: 'The penholder asked for it.',
    consensus: REACHED,
    meeting: CFM_MEETING,
    now: NOW,
    ...overrides,
  };
}

function refusalOf(decision: ReturnType<typeof decideTransition>) {
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision.error;
}

// Written out from DESIGN.md's diagram, independently of the LIFECYCLE table it checks.
const EXPECTED: Record<DraftStatus, Partial<Record<DraftAction, DraftStatus>>> = {
  PROPOSED: { submit: 'UNDER_SOC_REVIEW', withdraw: 'WITHDRAWN' },
  UNDER_SOC_REVIEW: { 'declare-consensus': 'CONSENSUS', withdraw: 'WITHDRAWN' },
  CONSENSUS: { adopt: 'ADOPTED', reopen: 'UNDER_SOC_REVIEW' },
  ADOPTED: {},
  WITHDRAWN: {},
};
const FINAL: DraftStatus[] = ['ADOPTED', 'WITHDRAWN'];

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
      expect(decision).toEqual({ ok: true, value: expect.objectContaining({ from: status, to }) });
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

describe('decideTransition: guards', () => {
  it('refuses to submit a draft that has no revision yet', () => {
    const error = refusalOf(
      decideTransition(
        request({
          draft: draft({ status: 'PROPOSED', currentRevision: 0 }),
          action: 'submit',
          actor: SECRETARIAT,
        }),
      ),
    );
    expect(error).toMatchObject({
      code: 'REVISION_REQUIRED',
      category: 'conflict',
      facts: { currentRevision: 0 },
    });
  });

  it('declares consensus only when it is reached, recording the explicit method', () => {
    const decision = decideTransition(request({ action: 'declare-consensus', actor: SOC_CHAIR }));
    expect(decision).toEqual({
      ok: true,
      value: {
        from: 'UNDER_SOC_REVIEW',
        to: 'CONSENSUS',
        effects: ['record-consensus', 'cancel-silence'],
        method: 'explicit',
        reason: 'The penholder asked for it.',
      },
    });
  });

  it('refuses to declare consensus that is not reached, with objectors, silent states and brackets', () => {
    const status: ConsensusStatus = consensusOf([
      position('ARM', 'objection', { text: 'No.' }),
      position('IND', 'objection', { text: 'Not now.' }),
      position('AZE', 'concur'),
    ]);
    const error = refusalOf(
      decideTransition(
        request({ action: 'declare-consensus', actor: CFM_CHAIR, consensus: status }),
      ),
    );
    expect(error).toMatchObject({
      code: 'CONSENSUS_NOT_REACHED',
      category: 'conflict',
      facts: {
        objected: [
          { stateCode: 'ARM', text: 'No.' },
          { stateCode: 'IND', text: 'Not now.' },
        ],
        notAnswered: ['KAZ', 'KWT'],
        openBrackets: [],
      },
    });
    expect(error.message).toBe(
      'Consensus has not been reached: 2 member states object (ARM, IND) and 2 have not answered.',
    );
  });

  describe('adopt', () => {
    const atConsensus = draft({ status: 'CONSENSUS' });

    it('needs a meeting', () => {
      const error = refusalOf(
        decideTransition(
          request({ draft: atConsensus, action: 'adopt', actor: CFM_CHAIR, meeting: null }),
        ),
      );
      expect(error).toMatchObject({
        code: 'MEETING_REQUIRED',
        field: 'meetingId',
        category: 'invalid',
      });
    });

    it('needs a meeting of the adopting body', () => {
      const error = refusalOf(
        decideTransition(
          request({
            draft: atConsensus,
            action: 'adopt',
            actor: CFM_CHAIR,
            meeting: { bodyCode: 'SOC', opensOn: '2024-12-01' },
          }),
        ),
      );
      expect(error).toMatchObject({
        code: 'WRONG_BODY',
        field: 'meetingId',
        facts: { meetingBodyCode: 'SOC', adoptingBodyCode: 'CFM' },
      });
      expect(error.message).toBe(
        'This draft is adopted by the CFM; the meeting chosen is a meeting of the SOC.',
      );
    });

    it('is refused before the meeting opens', () => {
      const error = refusalOf(
        decideTransition(
          request({
            draft: atConsensus,
            action: 'adopt',
            actor: CFM_CHAIR,
            now: new Date('2024-12-16T23:59:59Z'),
          }),
        ),
      );
      expect(error).toMatchObject({
        code: 'MEETING_NOT_OPEN',
        facts: { opensOn: '2024-12-17', today: '2024-12-16' },
      });
      expect(error.message).toBe(
        'The meeting opens on 17 December 2024; its adoptions can be recorded from that day.',
      );
    });

    it('is allowed from the opening day (UTC) onwards', () => {
      for (const now of ['2024-12-17T00:00:00Z', '2024-12-20T15:00:00Z']) {
        const decision = decideTransition(
          request({
            draft: atConsensus,
            action: 'adopt',
            actor: CFM_CHAIR,
            now: new Date(now),
            reason: undefined,
          }),
        );
        expect(decision).toEqual({
          ok: true,
          value: {
            from: 'CONSENSUS',
            to: 'ADOPTED',
            effects: ['record-adoption'],
            reason: null,
          },
        });
      }
    });
  });

  describe('reopen', () => {
    const atConsensus = draft({ status: 'CONSENSUS' });

    it.each([undefined, null, '', '  \n '])('needs a reason (%p is none)', (reason) => {
      const error = refusalOf(
        decideTransition(
          request({ draft: atConsensus, action: 'reopen', actor: SOC_CHAIR, reason }),
        ),
      );
      expect(error).toMatchObject({
        code: 'REASON_REQUIRED',
        field: 'reason',
        category: 'invalid',
      });
    });

    it('records the reason with its spaces normalised', () => {
      const decision = decideTransition(
        request({
          draft: atConsensus,
          action: 'reopen',
          actor: SOC_CHAIR,
          reason: '  IND asked\n to revisit op2. ',
        }),
      );
      expect(decision).toEqual({
        ok: true,
        value: {
          from: 'CONSENSUS',
          to: 'UNDER_SOC_REVIEW',
          effects: ['clear-consensus'],
          reason: 'IND asked to revisit op2.',
        },
      });
    });
  });

  it('lets the penholder withdraw a draft under review, ending any silence procedure', () => {
    const decision = decideTransition(
      request({ action: 'withdraw', actor: delegateOf('AZE'), reason: null }),
    );
    expect(decision).toEqual({
      ok: true,
      value: {
        from: 'UNDER_SOC_REVIEW',
        to: 'WITHDRAWN',
        effects: ['record-withdrawal', 'cancel-silence'],
        reason: null,
      },
    });
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
        refusal: expect.objectContaining({ code: 'REVISION_REQUIRED' }),
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

describe('decideSilenceConsensus', () => {
  it('records consensus by silence on a draft under review', () => {
    expect(decideSilenceConsensus({ draft: draft() })).toEqual({
      ok: true,
      value: {
        from: 'UNDER_SOC_REVIEW',
        to: 'CONSENSUS',
        effects: ['record-consensus'],
        method: 'silence',
        reason: null,
      },
    });
  });

  it.each(['PROPOSED', 'CONSENSUS', 'ADOPTED', 'WITHDRAWN'] as const)(
    'refuses a draft that is %s',
    (status) => {
      const decision = decideSilenceConsensus({ draft: draft({ status }) });
      expect(decision).toMatchObject({
        ok: false,
        error: { code: FINAL.includes(status) ? 'DRAFT_CLOSED' : 'TRANSITION_NOT_ALLOWED' },
      });
    },
  );
});

describe('decideRevision', () => {
  const cases: { status: DraftStatus; effects: DraftEffect[] }[] = [
    { status: 'PROPOSED', effects: [] },
    { status: 'UNDER_SOC_REVIEW', effects: ['cancel-silence'] },
  ];

  it.each(cases)(
    'allows a revision of a $status draft without reopening anything',
    ({ status, effects }) => {
      for (const actor of [SECRETARIAT, delegateOf('AZE')]) {
        expect(decideRevision({ draft: draft({ status }), actor })).toEqual({
          ok: true,
          value: { from: status, to: status, effects, reopens: false, reason: null },
        });
      }
    },
  );

  it('reopens review when the text changes after consensus, and needs a reason', () => {
    const atConsensus = draft({ status: 'CONSENSUS' });
    expect(decideRevision({ draft: atConsensus, actor: SECRETARIAT })).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED', field: 'reason' },
    });
    expect(
      decideRevision({ draft: atConsensus, actor: SECRETARIAT, reason: 'Typo in op3.' }),
    ).toEqual({
      ok: true,
      value: {
        from: 'CONSENSUS',
        to: 'UNDER_SOC_REVIEW',
        effects: ['clear-consensus'],
        reopens: true,
        reason: 'Typo in op3.',
      },
    });
  });

  it.each(['ADOPTED', 'WITHDRAWN'] as const)('refuses a revision of a %s draft', (status) => {
    expect(
      decideRevision({ draft: draft({ status }), actor: SECRETARIAT, reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DRAFT_CLOSED', facts: { status, action: 'revise' } },
    });
  });

  it.each<[string, Actor, string]>([
    ['another delegation', delegateOf('KAZ'), 'NOT_PENHOLDER'],
    ['a chair', SOC_CHAIR, 'ROLE_REQUIRED'],
    ['an admin', ADMIN, 'ROLE_REQUIRED'],
    ['an observer', OBSERVER, 'ROLE_REQUIRED'],
    ['a delegate attached to no state', withRoles('delegate'), 'ROLE_REQUIRED'],
  ])('refuses a revision by %s', (_who, actor, code) => {
    const decision = decideRevision({ draft: draft(), actor });
    expect(decision).toMatchObject({ ok: false, error: { code, category: 'forbidden' } });
  });
});
