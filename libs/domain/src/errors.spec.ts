import {
  DOMAIN_ERROR_CATEGORIES,
  DOMAIN_ERROR_CODES,
  DOMAIN_ERRORS,
  DomainError,
  isDomainError,
  ok,
  refuse,
  unwrap,
} from './errors';

describe('DomainError', () => {
  it('carries its code, the category of that code, facts and field', () => {
    const error = new DomainError('REASON_REQUIRED', 'Give a reason.', {
      field: 'reason',
      facts: { a: 1 },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'REASON_REQUIRED',
      category: 'invalid',
      field: 'reason',
      facts: { a: 1 },
      message: 'Give a reason.',
      title: 'A reason is required',
    });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('lets a refusal override its category', () => {
    const error = new DomainError('NOT_AN_ACTIVE_MEMBER_STATE', 'x', { category: 'not-found' });
    expect(error.category).toBe('not-found');
    expect(error.facts).toEqual({});
    expect(error.field).toBeUndefined();
  });

  it('gives every code a known category and a title', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(DOMAIN_ERROR_CATEGORIES).toContain(DOMAIN_ERRORS[code].category);
      expect(DOMAIN_ERRORS[code].title.length).toBeGreaterThan(0);
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    }
  });
});

describe('unwrap', () => {
  it('returns the value of an allowed decision', () => {
    expect(unwrap(ok(42))).toBe(42);
  });

  it('throws the refusal of a refused decision', () => {
    const error = new DomainError('DRAFT_CLOSED', 'Closed.');
    expect(() => unwrap(refuse(error))).toThrow(error);
  });
});
