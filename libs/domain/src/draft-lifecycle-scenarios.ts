// The commands a random scenario is made of, and their generators, for the lifecycle property.
import fc from 'fast-check';
import type { Actor } from './actors';
import type { MemberState } from './consensus';
import type { MeetingFacts } from './draft-status';
import {
  ADMIN,
  CFM_CHAIR,
  delegateOf,
  EVERYONE,
  OBSERVER,
  SECRETARIAT,
  SOC_CHAIR,
  SWG_CHAIR,
} from './test-factories';
import type { DraftAction, Stance } from './vocabulary';

export const HOUR = 60 * 60 * 1000;
export const START = new Date('2024-12-01T08:00:00Z');

// KWT joins during the run and XLF leaves during it: who must consent changes with the clock.
export const MEMBERS: MemberState[] = [
  { code: 'ARM', joined: '1999-09-14' },
  { code: 'AZE', joined: '1999-09-14' },
  { code: 'IND', joined: '1999-09-14' },
  { code: 'KWT', joined: '2024-12-05' },
  { code: 'XLF', joined: '2002-06-04', left: '2024-12-04' },
];
export const STATE_CODES = ['ARM', 'AZE', 'IND', 'KWT', 'XLF', 'UNO'];
const ACTORS: Actor[] = [
  SECRETARIAT,
  SOC_CHAIR,
  CFM_CHAIR,
  SWG_CHAIR,
  ADMIN,
  OBSERVER,
  EVERYONE,
  ...STATE_CODES.map(delegateOf),
];
export const MEETINGS: (MeetingFacts | null)[] = [
  { bodyCode: 'CFM', opensOn: '2024-12-01' },
  { bodyCode: 'CFM', opensOn: '2024-12-20' },
  { bodyCode: 'SOC', opensOn: '2024-11-01' },
  null,
];

export type Command =
  | { kind: 'transition'; actor: number; action: DraftAction; reason: boolean; meeting: number }
  | { kind: 'revise'; actor: number; reason: boolean; input: GeneratedRevision }
  | {
      kind: 'position';
      actor: number;
      state: number;
      stance: Stance;
      /** 'proper': text and paragraphs as the stance wants them; 'raw': as generated. */
      form: 'proper' | 'raw';
      text: boolean;
      paragraphs: number[];
    }
  /** Every state answers in turn, each through its own delegation. */
  | { kind: 'round'; stances: Stance[] }
  | { kind: 'silence'; actor: number; hours: number }
  | { kind: 'tick'; hours: number };

interface GeneratedRevision {
  title: string | undefined;
  /** id: a previous paragraph by position (a new one if there is none there), new, or unknown. */
  paragraphs: { id: number | 'new' | 'unknown'; operative: boolean; text: string }[];
}

// -1 stands for "whoever may do this": random actors alone would rarely get a draft anywhere.
const actorIndex = fc.oneof(
  { arbitrary: fc.constant(-1), weight: 3 },
  { arbitrary: fc.nat({ max: ACTORS.length - 1 }), weight: 2 },
);
export const APPROPRIATE: Record<DraftAction | 'revise' | 'silence', Actor> = {
  submit: SECRETARIAT,
  'declare-consensus': SOC_CHAIR,
  adopt: CFM_CHAIR,
  reopen: CFM_CHAIR,
  withdraw: delegateOf('AZE'),
  revise: SECRETARIAT,
  silence: SOC_CHAIR,
};
export function pick(index: number, appropriate: Actor): Actor {
  return index === -1 ? appropriate : ACTORS[index];
}
const paragraphText = fc.oneof(
  {
    arbitrary: fc.constantFrom('Agreed text.', 'Decide to act.', 'Welcome the chairmanship.'),
    weight: 20,
  },
  {
    arbitrary: fc.constantFrom('Decide to [act].', 'Note [a [b] c].', 'Open [text', 'Stray] text'),
    weight: 3,
  },
  { arbitrary: fc.constant('  '), weight: 1 },
);
const stanceArb = fc.oneof(
  { arbitrary: fc.constant<Stance>('concur'), weight: 6 },
  { arbitrary: fc.constant<Stance>('reservation'), weight: 2 },
  { arbitrary: fc.constant<Stance>('objection'), weight: 1 },
);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('transition' as const),
      actor: actorIndex,
      action: fc.oneof(
        { arbitrary: fc.constantFrom<DraftAction>('submit', 'declare-consensus'), weight: 20 },
        { arbitrary: fc.constant<DraftAction>('adopt'), weight: 15 },
        { arbitrary: fc.constant<DraftAction>('reopen'), weight: 5 },
        { arbitrary: fc.constant<DraftAction>('withdraw'), weight: 1 },
      ),
      reason: fc.boolean(),
      meeting: fc.oneof(
        { arbitrary: fc.constant(0), weight: 3 },
        { arbitrary: fc.nat({ max: MEETINGS.length - 1 }), weight: 1 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('revise' as const),
      actor: actorIndex,
      reason: fc.boolean(),
      input: fc.record({
        title: fc.option(fc.constantFrom('Statement', 'Statement', 'Statement [of the CFM]'), {
          nil: undefined,
          freq: 8,
        }),
        paragraphs: fc.array(
          fc.record({
            id: fc.oneof(
              { arbitrary: fc.nat({ max: 5 }), weight: 8 },
              { arbitrary: fc.constant('new' as const), weight: 8 },
              { arbitrary: fc.constant('unknown' as const), weight: 1 },
            ),
            operative: fc.boolean(),
            text: paragraphText,
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('position' as const),
      actor: actorIndex,
      state: fc.nat({ max: STATE_CODES.length - 1 }),
      stance: stanceArb,
      form: fc.oneof(
        { arbitrary: fc.constant('proper' as const), weight: 4 },
        { arbitrary: fc.constant('raw' as const), weight: 1 },
      ),
      text: fc.boolean(),
      paragraphs: fc.array(fc.nat({ max: 6 }), { maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('silence' as const),
      actor: actorIndex,
      hours: fc.integer({ min: -2, max: 24 * 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('round' as const),
      stances: fc.array(stanceArb, {
        minLength: STATE_CODES.length,
        maxLength: STATE_CODES.length,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      hours: fc.integer({ min: 1, max: 72 }),
    }),
  },
);

/** A first revision and its submission, so that most runs start where the rules are richest. */
const OPENING: Command[] = [
  {
    kind: 'revise',
    actor: -1,
    reason: false,
    input: {
      title: 'Statement',
      paragraphs: [
        { id: 'new', operative: false, text: 'Recalling the Declaration of Principles,' },
        { id: 'new', operative: true, text: 'Decide to act.' },
      ],
    },
  },
  { kind: 'transition', actor: -1, action: 'submit', reason: false, meeting: 0 },
];
export const scenarioArb = fc
  .tuple(fc.boolean(), fc.array(commandArb, { minLength: 1, maxLength: 60, size: 'max' }))
  .map(([opening, commands]) => (opening ? [...OPENING, ...commands] : commands));
