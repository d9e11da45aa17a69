import type { ConsensusStatus } from './consensus';
import {
  concludeSilence,
  decideStartSilence,
  SILENCE_MAX_DAYS,
  silenceRunning,
  type StartSilenceRequest,
} from './silence';
import {
  CFM_CHAIR,
  consensusOf,
  content,
  delegateOf,
  draft,
  NOBODY_ANSWERED,
  NOW,
  position,
  SECRETARIAT,
  SOC_CHAIR,
  SWG_CHAIR,
} from './test-factories';

const DAY = 24 * 60 * 60 * 1000;
const IN_A_WEEK = new Date(NOW.getTime() + 7 * DAY);

function request(overrides: Partial<StartSilenceRequest> = {}): StartSilenceRequest {
  return {
    draft: draft(),
    actor: SOC_CHAIR,
    deadline: IN_A_WEEK,
    now: NOW,
    running: false,
    consensus: NOBODY_ANSWERED,
    ...overrides,
  };
}

function refusal(overrides: Partial<StartSilenceRequest>) {
  const decision = decideStartSilence(request(overrides));
  if (decision.ok) throw new Error('expected a refusal');
  return decision.error;
}

describe('decideStartSilence', () => {
  it('lets the chair of the reviewing or the adopting body start a procedure', () => {
    for (const actor of [SOC_CHAIR, CFM_CHAIR]) {
      expect(decideStartSilence(request({ actor }))).toEqual({
        ok: true,
        value: { deadline: IN_A_WEEK },
      });
    }
  });

  it.each([
    ['the secretariat', SECRETARIAT],
    ['a chair of another body', SWG_CHAIR],
    ['the penholder', delegateOf('AZE')],
  ])('refuses %s', (_who, actor) => {
    expect(refusal({ actor })).toMatchObject({ code: 'ROLE_REQUIRED', category: 'forbidden' });
  });

  it.each(['PROPOSED', 'CONSENSUS'] as const)('refuses a draft that is %s', (status) => {
    expect(refusal({ draft: draft({ status }) })).toMatchObject({
      code: 'NOT_UNDER_REVIEW',
      facts: { status },
    });
  });

  it.each(['ADOPTED', 'WITHDRAWN'] as const)('refuses a %s draft as closed', (status) => {
    expect(refusal({ draft: draft({ status }) })).toMatchObject({ code: 'DRAFT_CLOSED' });
  });

  it('refuses a second procedure while one runs', () => {
    expect(refusal({ running: true })).toMatchObject({
      code: 'SILENCE_ALREADY_RUNNING',
      category: 'conflict',
    });
  });

  it.each([
    ['now', NOW],
    ['in the past', new Date(NOW.getTime() - 1)],
  ])('refuses a deadline %s', (_when, deadline) => {
    expect(refusal({ deadline })).toMatchObject({
      code: 'SILENCE_DEADLINE_PASSED',
      field: 'deadline',
      facts: { deadline: deadline.toISOString(), now: NOW.toISOString() },
    });
  });

  it(`accepts a deadline up to ${SILENCE_MAX_DAYS} days ahead and refuses one further`, () => {
    const latest = new Date(NOW.getTime() + SILENCE_MAX_DAYS * DAY);
    expect(decideStartSilence(request({ deadline: latest })).ok).toBe(true);
    expect(refusal({ deadline: new Date(latest.getTime() + 1) })).toMatchObject({
      code: 'SILENCE_DEADLINE_TOO_FAR',
      field: 'deadline',
      facts: { latest: latest.toISOString(), maxDays: SILENCE_MAX_DAYS },
    });
  });

  it('refuses an invalid date', () => {
    expect(refusal({ deadline: new Date('not a date') })).toMatchObject({
      code: 'SILENCE_DEADLINE_INVALID',
      field: 'deadline',
    });
  });

  it('refuses while brackets remain', () => {
    const bracketed: ConsensusStatus = consensusOf(
      [],
      content({ title: 'Statement [of the CFM]' }),
    );
    const error = refusal({ consensus: bracketed });
    expect(error).toMatchObject({
      code: 'OPEN_BRACKETS',
      facts: { openBrackets: [{ part: 'title' }] },
    });
    expect(error.message).toBe(
      'Silence can only be asked on a settled text: 1 bracketed passage remains (the title).',
    );
  });

  it('refuses when an objection already stands on this revision, naming the objectors', () => {
    const objected = consensusOf([
      position('IND', 'objection', { text: 'No.' }),
      position('ARM', 'objection'),
    ]);
    const error = refusal({ consensus: objected });
    expect(error).toMatchObject({
      code: 'SILENCE_OBJECTION_STANDING',
      facts: { objectors: ['ARM', 'IND'] },
    });
    expect(error.message).toBe(
      'ARM and IND object to this revision, so silence would be broken at once.',
    );
  });

  it('may start with reservations recorded: they join consensus', () => {
    const reserved = consensusOf([position('IND', 'reservation', { text: 'On op2.' })]);
    expect(decideStartSilence(request({ consensus: reserved })).ok).toBe(true);
  });
});

describe('silenceRunning', () => {
  it('holds only while a procedure waits for its deadline', () => {
    expect(silenceRunning({ status: 'running' })).toBe(true);
    for (const status of ['held', 'broken', 'cancelled'] as const)
      expect(silenceRunning({ status })).toBe(false);
    expect(silenceRunning(null)).toBe(false);
    expect(silenceRunning(undefined)).toBe(false);
  });
});

describe('concludeSilence', () => {
  const deadline = new Date('2024-12-20T12:00:00Z');
  const before = new Date('2024-12-19T12:00:00Z');
  const after = new Date('2024-12-21T12:00:00Z');

  it('is pending before the deadline while nobody objects', () => {
    const positions = [position('AZE', 'concur'), position('IND', 'reservation')];
    expect(concludeSilence({ deadline, now: before, positions })).toEqual({ outcome: 'pending' });
  });

  it('holds once the deadline passes without objection: silence is deemed consent', () => {
    expect(concludeSilence({ deadline, now: deadline, positions: [] })).toEqual({
      outcome: 'held',
    });
    expect(
      concludeSilence({ deadline, now: after, positions: [position('AZE', 'concur')] }),
    ).toEqual({ outcome: 'held' });
  });

  it('is broken at once by an objection, before the deadline passes', () => {
    const positions = [
      position('KAZ', 'objection', { recordedAt: before }),
      position('ARM', 'objection', { recordedAt: before }),
    ];
    expect(concludeSilence({ deadline, now: before, positions })).toEqual({
      outcome: 'broken',
      objectors: ['ARM', 'KAZ'],
    });
  });

  it('is broken by an objection recorded exactly at the deadline', () => {
    const positions = [position('KAZ', 'objection', { recordedAt: deadline })];
    expect(concludeSilence({ deadline, now: after, positions })).toEqual({
      outcome: 'broken',
      objectors: ['KAZ'],
    });
  });

  it('holds despite an objection recorded after the deadline', () => {
    const positions = [
      position('KAZ', 'objection', { recordedAt: new Date(deadline.getTime() + 1) }),
    ];
    expect(concludeSilence({ deadline, now: after, positions })).toEqual({ outcome: 'held' });
  });

  it('stays broken when the objecting state later concurs', () => {
    const positions = [
      position('KAZ', 'objection', { recordedAt: before }),
      position('KAZ', 'concur', { recordedAt: new Date(before.getTime() + 1000) }),
    ];
    expect(concludeSilence({ deadline, now: after, positions })).toEqual({
      outcome: 'broken',
      objectors: ['KAZ'],
    });
  });

  it('ignores objections superseded before the procedure started', () => {
    const startedAt = new Date('2024-12-18T00:00:00Z');
    const positions = [
      position('KAZ', 'objection', { recordedAt: new Date('2024-12-17T00:00:00Z') }),
      position('KAZ', 'concur', { recordedAt: new Date('2024-12-17T01:00:00Z') }),
    ];
    expect(concludeSilence({ deadline, now: after, positions, startedAt })).toEqual({
      outcome: 'held',
    });
  });
});
