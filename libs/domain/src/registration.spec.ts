import type { Actor } from './actors';
import { decideRegistration } from './registration';

const secretariat: Actor = { userId: 'u1', roles: ['secretariat'], chairOf: [], stateCode: null };
const cfm = { code: 'CFM', adopts: ['statement', 'declaration', 'decision'] };
const azerbaijan = { code: 'AZE', joined: '1999-09-14' };
const now = new Date('2026-11-23T12:00:00Z');
const base = {
  actor: secretariat,
  type: 'statement' as const,
  adoptingBody: cfm,
  penholder: azerbaijan,
  penholderCode: 'AZE',
  meeting: null,
  now,
};

describe('registering a draft', () => {
  it('lets the secretariat register a type the body adopts', () => {
    expect(decideRegistration(base)).toEqual({ ok: true, value: { type: 'statement' } });
  });

  it('refuses every other role', () => {
    const delegate: Actor = { userId: 'u2', roles: ['delegate'], chairOf: [], stateCode: 'AZE' };
    const decision = decideRegistration({ ...base, actor: delegate });
    expect(decision.ok || decision.error.code).toBe('ROLE_REQUIRED');
  });

  it('refuses a type the adopting body does not adopt, naming the field and what it adopts', () => {
    const decision = decideRegistration({ ...base, type: 'budget' });
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.error).toMatchObject({ code: 'TYPE_NOT_ADOPTED_BY_BODY', field: 'type' });
      expect(decision.error.message).toContain('statement, declaration, decision');
    }
  });

  it('refuses a penholder that is not a member state, or not yet one', () => {
    for (const penholder of [undefined, { code: 'KWT', joined: '2027-01-01' }]) {
      const decision = decideRegistration({ ...base, penholder, penholderCode: 'KWT' });
      expect(decision.ok || decision.error.field).toBe('penholder');
    }
  });

  it('refuses a meeting of another body', () => {
    const decision = decideRegistration({ ...base, meeting: { bodyCode: 'SOC' } });
    expect(decision.ok || decision.error.code).toBe('WRONG_BODY');
  });
});
