// Test data for the domain's unit tests. Not part of the public index.
import type { Actor, Role } from './actors';
import {
  evaluateConsensus,
  type ConsensusStatus,
  type MemberState,
  type PositionRecord,
} from './consensus';
import type { DraftFacts } from './draft-status';
import type { RevisionContent } from './revision';
import type { Stance } from './vocabulary';

export const NOW = new Date('2024-12-17T10:00:00Z');

export function actor(overrides: Partial<Actor> = {}): Actor {
  return { userId: 'user-1', roles: [], chairOf: [], stateCode: null, ...overrides };
}

export function withRoles(...roles: Role[]): Actor {
  return actor({ userId: roles.join('+'), roles });
}

export function chairOf(...bodies: string[]): Actor {
  return actor({ userId: `chair-${bodies.join('-')}`, roles: ['chair'], chairOf: bodies });
}

export function delegateOf(stateCode: string): Actor {
  return actor({ userId: `delegate-${stateCode}`, roles: ['delegate'], stateCode });
}

export const SECRETARIAT = withRoles('secretariat');
export const ADMIN = withRoles('admin');
export const OBSERVER = withRoles('observer');
export const SOC_CHAIR = chairOf('SOC');
export const CFM_CHAIR = chairOf('CFM');
export const SWG_CHAIR = chairOf('SWG');
/** Holds every authority a rule can name, to test status rules apart from authority. */
export const EVERYONE = actor({
  userId: 'everyone',
  roles: ['admin', 'secretariat', 'chair', 'delegate'],
  chairOf: ['SOC', 'CFM'],
  stateCode: 'AZE',
});

export function draft(overrides: Partial<DraftFacts> = {}): DraftFacts {
  return {
    status: 'UNDER_SOC_REVIEW',
    penholder: 'AZE',
    adoptingBodyCode: 'CFM',
    reviewingBodyCode: 'SOC',
    currentRevision: 1,
    ...overrides,
  };
}

export function content(overrides: Partial<RevisionContent> = {}): RevisionContent {
  return {
    title: 'Statement on the 25th anniversary of the Declaration of Principles',
    preamble: [
      { id: 'pp1', text: 'Recalling the Declaration of Principles of 1999,' },
      { id: 'pp2', text: 'Reaffirming our commitment to confidence building measures,' },
    ],
    operative: [
      { id: 'op1', text: 'Welcome the chairmanship of Azerbaijan for 2024–2026;' },
      { id: 'op2', text: 'Decide to continue the dialogue on economic cooperation;' },
      { id: 'op3', text: 'Request the Secretariat to report on implementation.' },
    ],
    ...overrides,
  };
}

export const MEMBERS: MemberState[] = [
  { code: 'ARM', joined: '1999-09-14' },
  { code: 'AZE', joined: '1999-09-14' },
  { code: 'IND', joined: '1999-09-14' },
  { code: 'KAZ', joined: '1999-09-14' },
  { code: 'KWT', joined: '2022-10-13' },
  { code: 'XLF', joined: '2002-06-04', left: '2020-03-01' },
];
/** The codes of MEMBERS active on NOW. */
export const ACTIVE_ON_NOW = ['ARM', 'AZE', 'IND', 'KAZ', 'KWT'];

export function member(code: string): MemberState | undefined {
  return MEMBERS.find((m) => m.code === code);
}

export function position(
  stateCode: string,
  stance: Stance,
  extra: Partial<PositionRecord> = {},
): PositionRecord {
  return {
    stateCode,
    stance,
    text: stance === 'concur' ? null : `${stance} of ${stateCode}`,
    recordedAt: new Date('2024-12-10T09:00:00Z'),
    ...extra,
  };
}

export function allConcur(codes: readonly string[] = ACTIVE_ON_NOW): PositionRecord[] {
  return codes.map((code) => position(code, 'concur'));
}

export function consensusOf(
  positions: readonly PositionRecord[],
  revision: RevisionContent = content(),
): ConsensusStatus {
  return evaluateConsensus({ members: MEMBERS, positions, content: revision, onDate: NOW });
}

export const REACHED: ConsensusStatus = consensusOf(allConcur());
export const NOBODY_ANSWERED: ConsensusStatus = consensusOf([]);
