import {
  AGENDA_STATUSES,
  DRAFT_EFFECTS,
  OPEN_STATUSES,
  REPORTED_STATUSES,
  carriesDraftMark,
  isOpenStatus,
} from './draft-status';
import { unwrap } from './errors';
import { LIFECYCLE, decideRevision, decideSilenceConsensus } from './lifecycle';
import { revisionSymbol } from './symbols';
import { SECRETARIAT, draft } from './test-factories';
import { DRAFT_ACTIONS } from './vocabulary';

describe('open statuses', () => {
  it('are the statuses a draft can still leave: the matrix and the dashboard show those', () => {
    expect(OPEN_STATUSES).toEqual(['PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS']);
    expect(isOpenStatus('ADOPTED')).toBe(false);
    expect(isOpenStatus('WITHDRAWN')).toBe(false);
  });

  it('the consensus report covers drafts under review or agreed, not those not yet submitted', () => {
    expect(REPORTED_STATUSES).toEqual(['UNDER_SOC_REVIEW', 'CONSENSUS']);
  });

  it('an agenda lists every draft before the meeting, adopted ones included, but not withdrawn ones', () => {
    expect(AGENDA_STATUSES).toEqual(['PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS', 'ADOPTED']);
  });
});

describe('effects as data', () => {
  it('every effect is produced by some decision, so none is dead code in the persistence layer', () => {
    const produced = new Set<string>([
      ...DRAFT_ACTIONS.flatMap((action) => LIFECYCLE[action].effects),
      ...unwrap(decideRevision({ draft: draft(), actor: SECRETARIAT })).effects,
    ]);
    expect([...produced].sort()).toEqual([...DRAFT_EFFECTS].sort());
  });

  it('silence held records consensus through the same effect as a declaration', () => {
    const decision = decideSilenceConsensus({ draft: draft() });
    expect(decision).toMatchObject({ ok: true, value: { effects: ['record-consensus'] } });
  });
});

describe('the DRAFT mark', () => {
  it('is left off only the adopted revision of an adopted draft', () => {
    const adopted = { status: 'ADOPTED' as const, currentRevision: 3 };
    expect(carriesDraftMark(adopted, 3)).toBe(false);
    expect(carriesDraftMark(adopted, 2)).toBe(true);
    expect(carriesDraftMark({ status: 'CONSENSUS', currentRevision: 3 }, 3)).toBe(true);
  });
});

describe('revisionSymbol', () => {
  it('adds /Rev.N from the second circulation on, as formatDocumentSymbol does', () => {
    expect(revisionSymbol('CICA/CFM/7/DOC.1', 1)).toBe('CICA/CFM/7/DOC.1');
    expect(revisionSymbol('CICA/CFM/7/DOC.1', 2)).toBe('CICA/CFM/7/DOC.1/Rev.1');
    expect(revisionSymbol('CICA/CFM/7/DOC.1', 4)).toBe('CICA/CFM/7/DOC.1/Rev.3');
  });
});
