import { chairs, holdsAuthority, isDelegateOf, isRole } from './actors';
import { actor, delegateOf, draft, SECRETARIAT, SOC_CHAIR } from './test-factories';

describe('actors', () => {
  it('recognises a chair only of the bodies they chair, and only with the chair role', () => {
    expect(chairs(SOC_CHAIR, 'SOC')).toBe(true);
    expect(chairs(SOC_CHAIR, 'CFM')).toBe(false);
    expect(chairs(actor({ roles: ['observer'], chairOf: ['SOC'] }), 'SOC')).toBe(false);
  });

  it('recognises a delegate only for their own state, and only with the delegate role', () => {
    expect(isDelegateOf(delegateOf('AZE'), 'AZE')).toBe(true);
    expect(isDelegateOf(delegateOf('AZE'), 'KAZ')).toBe(false);
    expect(isDelegateOf(actor({ roles: ['observer'], stateCode: 'AZE' }), 'AZE')).toBe(false);
  });

  it('judges authorities against the draft: the reviewing and adopting bodies are data', () => {
    const swgReviewed = draft({ reviewingBodyCode: 'SWG' });
    expect(holdsAuthority(SOC_CHAIR, 'reviewing-chair', swgReviewed)).toBe(false);
    expect(holdsAuthority(SOC_CHAIR, 'reviewing-chair', draft())).toBe(true);
    expect(holdsAuthority(SECRETARIAT, 'secretariat', draft())).toBe(true);
    expect(
      holdsAuthority(delegateOf('AZE'), 'penholder-delegate', draft({ penholder: 'KAZ' })),
    ).toBe(false);
  });

  it('narrows strings to roles', () => {
    expect(isRole('chair')).toBe(true);
    expect(isRole('president')).toBe(false);
  });
});
