import type { Actor } from './actors';
import type { ConsensusStatus } from './consensus';
import { decideRevision, decideSilenceConsensus, decideTransition } from './lifecycle';
import type { DraftEffect } from './draft-status';
import {
  ADMIN,
  CFM_CHAIR,
  consensusOf,
  delegateOf,
  draft,
  OBSERVER,
  position,
  SECRETARIAT,
  SOC_CHAIR,
  withRoles,
} from './test-factories';
import { type DraftStatus } from './vocabulary';
import { FINAL, refusalOf, request } from './lifecycle-test-requests';

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
