import {
  activeMemberStates,
  consensusNotReached,
  evaluateConsensus,
  isActiveMemberState,
  type MemberState,
} from './consensus';
import {
  ACTIVE_ON_NOW,
  allConcur,
  consensusOf,
  content,
  MEMBERS,
  NOW,
  position,
} from './test-factories';

describe('activeMemberStates', () => {
  it('counts states joined on or before the date and not left before it, sorted by code', () => {
    const members: MemberState[] = [
      { code: 'KWT', joined: '2022-10-13' },
      { code: 'AZE', joined: '1999-09-14' },
      { code: 'OLD', joined: '1999-09-14', left: '2022-10-12' },
      { code: 'BYE', joined: '1999-09-14', left: '2022-10-13' },
    ];
    const onJoiningDay = new Date('2022-10-13T23:59:00Z');
    expect(activeMemberStates(members, onJoiningDay).map((m) => m.code)).toEqual([
      'AZE',
      'BYE',
      'KWT',
    ]);
    const dayBefore = new Date('2022-10-12T12:00:00Z');
    expect(activeMemberStates(members, dayBefore).map((m) => m.code)).toEqual([
      'AZE',
      'BYE',
      'OLD',
    ]);
  });

  it('does not count a state that joined after the date', () => {
    expect(isActiveMemberState({ code: 'KWT', joined: '2022-10-13' }, new Date('2021-01-01'))).toBe(
      false,
    );
  });

  it('reads an unknown joining date as membership from the start, and a year as its first day', () => {
    expect(isActiveMemberState({ code: 'AZE', joined: null }, new Date('1990-01-01'))).toBe(true);
    expect(isActiveMemberState({ code: 'AZE', joined: '2002' }, new Date('2002-01-01'))).toBe(true);
    expect(isActiveMemberState({ code: 'AZE', joined: '2002' }, new Date('2001-12-31'))).toBe(
      false,
    );
  });
});

describe('evaluateConsensus', () => {
  it('is reached when every active member state concurs on a text without brackets', () => {
    const status = consensusOf(allConcur());
    expect(status).toMatchObject({
      reached: true,
      memberStates: ACTIVE_ON_NOW,
      concurred: ACTIVE_ON_NOW,
      reserved: [],
      objected: [],
      notAnswered: [],
      openBrackets: [],
    });
  });

  it('counts a reservation towards consensus and keeps its text and paragraphs', () => {
    const positions = [
      ...allConcur(['ARM', 'AZE', 'KAZ', 'KWT']),
      position('IND', 'reservation', { text: 'India reserves on op2.', paragraphs: ['op2'] }),
    ];
    const status = consensusOf(positions);
    expect(status.reached).toBe(true);
    expect(status.reserved).toEqual([
      { stateCode: 'IND', text: 'India reserves on op2.', paragraphs: ['op2'] },
    ]);
    expect(status.concurred).toEqual(['ARM', 'AZE', 'KAZ', 'KWT']);
  });

  it('is blocked by an objection, which is named with its reason', () => {
    const positions = [
      ...allConcur(['AZE', 'KAZ', 'KWT']),
      position('IND', 'objection', { text: 'Op2 goes too far.' }),
      position('ARM', 'objection', { text: 'Not acceptable.' }),
    ];
    const status = consensusOf(positions);
    expect(status.reached).toBe(false);
    expect(status.objected).toEqual([
      { stateCode: 'ARM', text: 'Not acceptable.' },
      { stateCode: 'IND', text: 'Op2 goes too far.' },
    ]);
  });

  it('is not reached while a member state has not answered', () => {
    const status = consensusOf(allConcur(['ARM', 'AZE', 'IND', 'KAZ']));
    expect(status.reached).toBe(false);
    expect(status.notAnswered).toEqual(['KWT']);
  });

  it('is not reached while brackets remain, even with every state concurring', () => {
    const bracketed = content({ operative: [{ id: 'op1', text: 'Decide to [act].' }] });
    const status = consensusOf(allConcur(), bracketed);
    expect(status.reached).toBe(false);
    expect(status.openBrackets).toMatchObject([{ paragraphId: 'op1', excerpt: '[act]' }]);
  });

  it('does not count a state that joined after the date, nor its position', () => {
    const before = new Date('2021-06-01T00:00:00Z');
    const status = evaluateConsensus({
      members: MEMBERS,
      positions: [...allConcur(['ARM', 'AZE', 'IND', 'KAZ']), position('KWT', 'objection')],
      content: content(),
      onDate: before,
    });
    expect(status.memberStates).toEqual(['ARM', 'AZE', 'IND', 'KAZ']);
    expect(status.objected).toEqual([]);
    expect(status.reached).toBe(true);
  });

  it('ignores positions of states that have left and of non-members', () => {
    const status = consensusOf([
      ...allConcur(),
      position('XLF', 'objection'),
      position('UNO', 'objection'),
    ]);
    expect(status.reached).toBe(true);
    expect(status.memberStates).not.toContain('XLF');
  });

  it('takes the latest position when a state appears twice', () => {
    const status = consensusOf([
      ...allConcur(['ARM', 'AZE', 'KAZ', 'KWT']),
      position('IND', 'concur', { recordedAt: new Date('2024-12-12T00:00:00Z') }),
      position('IND', 'objection', { recordedAt: new Date('2024-12-11T00:00:00Z') }),
    ]);
    expect(status.concurred).toContain('IND');
    expect(status.reached).toBe(true);
  });

  it('reaches nothing without an active member state or without a revision', () => {
    expect(
      evaluateConsensus({ members: [], positions: [], content: content(), onDate: NOW }).reached,
    ).toBe(false);
    const noText = evaluateConsensus({
      members: MEMBERS,
      positions: allConcur(),
      content: null,
      onDate: NOW,
    });
    expect(noText.reached).toBe(false);
    expect(noText.openBrackets).toEqual([]);
  });
});

describe('consensusNotReached', () => {
  it('names the objectors and counts the states that have not answered', () => {
    const status = consensusOf([
      position('IND', 'objection', { text: 'No.' }),
      position('ARM', 'objection', { text: 'No.' }),
      position('AZE', 'concur'),
    ]);
    const error = consensusNotReached(status);
    expect(error).toMatchObject({
      code: 'CONSENSUS_NOT_REACHED',
      category: 'conflict',
      facts: {
        objected: [
          { stateCode: 'ARM', text: 'No.' },
          { stateCode: 'IND', text: 'No.' },
        ],
        notAnswered: ['KAZ', 'KWT'],
        openBrackets: [],
      },
    });
    expect(error.message).toBe(
      'Consensus has not been reached: 2 member states object (ARM, IND) and 2 have not answered.',
    );
  });

  it('names the paragraphs where brackets remain', () => {
    const bracketed = content({
      title: 'Statement [draft]',
      operative: [
        { id: 'op1', text: 'a' },
        { id: 'op2', text: 'Decide [x] and [y].' },
      ],
    });
    const status = consensusOf(allConcur(['ARM', 'AZE', 'IND', 'KAZ']), bracketed);
    expect(consensusNotReached(status).message).toBe(
      'Consensus has not been reached: 1 member state has not answered and 3 bracketed passages remain (the title, operative paragraph 2).',
    );
  });

  it('agrees in number with a single objector', () => {
    const status = consensusOf([
      ...allConcur(['ARM', 'AZE', 'KAZ', 'KWT']),
      position('IND', 'objection'),
    ]);
    expect(consensusNotReached(status).message).toBe(
      'Consensus has not been reached: 1 member state objects (IND).',
    );
  });
});
