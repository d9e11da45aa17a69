import { evaluateConsensus, findOpenBrackets, type RevisionContent } from '@chancery/domain';
import {
  DemoDraft,
  DemoParagraph,
  DemoRevision,
  delegateEmail,
  demoAccounts,
  demoBodies,
  demoChairmanships,
  demoDrafts,
  demoForum,
  demoMeetings,
  demoParticipants,
} from './cica-demo-data';

const DOCUMENT_TYPES = [
  'statement',
  'declaration',
  'concept-paper',
  'action-plan',
  'calendar',
  'budget',
  'decision',
  'report',
];

const members = demoParticipants.filter((p) => p.kind === 'member-state');
const memberCodes = new Set(members.map((m) => m.code));
const accounts = demoAccounts();
const emails = new Set(accounts.map((a) => a.email));
const meetingsByKey = new Map(demoMeetings.map((m) => [m.key, m]));
const bodiesByCode = new Map(demoBodies.map((b) => [b.code, b]));
const draftKeys = new Set(demoDrafts.map((d) => d.key));

const ms = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`not an ISO date: ${iso}`);
  return value;
};
const lastRevision = (draft: DemoDraft): DemoRevision =>
  draft.revisions[draft.revisions.length - 1];
const paragraphs = (revision: DemoRevision): DemoParagraph[] => [
  ...revision.preamble,
  ...revision.operative,
];
const content = (revision: DemoRevision): RevisionContent => ({
  title: revision.title,
  preamble: revision.preamble.map((p) => ({ id: p.key, text: p.text })),
  operative: revision.operative.map((p) => ({ id: p.key, text: p.text })),
});
/** Brackets as the domain reads them, so that the seed cannot disagree with the rule. */
const hasBrackets = (revision: DemoRevision): boolean =>
  findOpenBrackets(content(revision)).length > 0;
const bracketsBalanced = (text: string): boolean => {
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth += 1;
    if (ch === ']') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
};
/** A member state takes part from the day it joined (unknown parts of the date read as the 1st). */
const activeOn = (stateCode: string, iso: string): boolean => {
  const joined = members.find((m) => m.code === stateCode)?.joined;
  return joined !== null && joined !== undefined && ms(joined) <= ms(iso);
};
const draft = (key: string): DemoDraft => {
  const found = demoDrafts.find((d) => d.key === key);
  if (!found) throw new Error(`no draft ${key}`);
  return found;
};

describe('CICA demo data: reference facts', () => {
  it('names the forum in English and Russian with its Secretariat seat', () => {
    expect(demoForum).toMatchObject({ acronym: 'CICA', acronymRu: 'СВМДА' });
    expect(demoForum.secretariatSeat).toContain('Astana');
  });

  it('has 28 member states with unique ISO 3166 alpha-3 codes, including AZE, KAZ, TJK and KWT', () => {
    expect(members).toHaveLength(28);
    expect(memberCodes.size).toBe(28);
    for (const code of memberCodes) expect(code).toMatch(/^[A-Z]{3}$/);
    for (const code of ['AZE', 'KAZ', 'TJK', 'KWT']) expect(memberCodes).toContain(code);
  });

  it('records Kuwait as the member that joined in 2022', () => {
    const kuwait = members.find((m) => m.code === 'KWT');
    expect(kuwait?.joined?.slice(0, 4)).toBe('2022');
    expect(members.filter((m) => m.joined?.startsWith('2022'))).toHaveLength(1);
  });

  it('records the Eurasian Economic Commission as a partner organisation since 2022', () => {
    const eec = demoParticipants.find((p) => p.code === 'EEC');
    expect(eec?.kind).toBe('partner-organisation');
    expect(eec?.joined?.slice(0, 4)).toBe('2022');
  });

  it('gives every participant a unique code, English and Cyrillic Russian names and a valid join date', () => {
    const codes = demoParticipants.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of demoParticipants) {
      expect(p.name.trim()).not.toBe('');
      expect(p.nameRu).toMatch(/[А-Яа-яЁё]/);
      if (p.joined !== null) expect(p.joined).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.kind.endsWith('-state')) expect(p.code).toMatch(/^[A-Z]{3}$/);
      expect(p.code).toMatch(/^[A-Z][A-Z0-9-]{1,15}$/);
    }
    for (const kind of ['observer-state', 'observer-organisation', 'partner-organisation']) {
      expect(demoParticipants.some((p) => p.kind === kind)).toBe(true);
    }
  });

  it('explains every entry it flags as uncertain', () => {
    const flagged = [...demoParticipants, ...demoBodies, ...demoChairmanships].filter(
      (entry) => entry.uncertain,
    );
    expect(flagged.length).toBeGreaterThan(0);
    for (const entry of flagged) expect(entry.note?.trim()).toBeTruthy();
    expect(demoParticipants.find((p) => p.code === 'MNG')?.uncertain).toBe(true);
  });

  it('has the four bodies, ranked, each adopting only known document types', () => {
    expect(demoBodies.map((b) => b.code)).toEqual(['SUMMIT', 'CFM', 'SOC', 'SWG']);
    expect(new Set(demoBodies.map((b) => b.level)).size).toBe(4);
    for (const body of demoBodies) {
      expect(body.nameRu).toMatch(/[А-Яа-яЁё]/);
      for (const type of body.adopts) expect(DOCUMENT_TYPES).toContain(type);
    }
    expect(bodiesByCode.get('SUMMIT')?.adopts).toEqual(
      expect.arrayContaining(['declaration', 'statement']),
    );
    expect(bodiesByCode.get('CFM')?.adopts).toEqual(
      expect.arrayContaining(['statement', 'declaration', 'decision']),
    );
    expect(bodiesByCode.get('SWG')?.adopts).toEqual(['report']);
  });

  it('lists chairmanships in order, back to back, ending with Kazakhstan 2020–2024 and Azerbaijan 2024–2026', () => {
    for (const [i, c] of demoChairmanships.entries()) {
      expect(memberCodes).toContain(c.stateCode);
      if (c.to !== null) expect(ms(c.from)).toBeLessThan(ms(c.to));
      const next = demoChairmanships[i + 1];
      if (next) expect(c.to).toBe(next.from);
    }
    const [kazakhstan, azerbaijan] = demoChairmanships.slice(-2);
    expect(kazakhstan).toMatchObject({ stateCode: 'KAZ', to: '2024-12-17' });
    expect(kazakhstan.from.slice(0, 4)).toBe('2020');
    expect(azerbaijan).toMatchObject({
      stateCode: 'AZE',
      from: '2024-12-17',
      to: '2026-12-31',
      toPrecision: 'year',
    });
  });
});

describe('CICA demo data: accounts', () => {
  it('has the fixed accounts and exactly one delegate per member state', () => {
    for (const email of [
      'admin@demo.local',
      'secretariat@demo.local',
      'soc-chair@demo.local',
      'cfm-chair@demo.local',
      'observer@demo.local',
    ]) {
      expect(emails).toContain(email);
    }
    expect(emails.size).toBe(accounts.length);
    const delegates = accounts.filter((a) => a.roles.includes('delegate'));
    expect(delegates).toHaveLength(28);
    for (const code of memberCodes) {
      const delegate = delegates.find((a) => a.stateCode === code);
      expect(delegate?.email).toBe(`delegate.${code.toLowerCase()}@demo.local`);
    }
  });

  it('makes the chairs chairs of existing bodies', () => {
    const chairOf = (email: string) => accounts.find((a) => a.email === email)?.chairOf;
    expect(chairOf('soc-chair@demo.local')).toEqual(['SOC']);
    expect(chairOf('cfm-chair@demo.local')).toEqual(['CFM']);
    for (const account of accounts) {
      for (const body of account.chairOf ?? []) expect(bodiesByCode.has(body)).toBe(true);
      if (account.chairOf) expect(account.roles).toContain('chair');
      if (account.stateCode) expect(memberCodes).toContain(account.stateCode);
    }
  });

  it('returns fresh objects on every call', () => {
    const first = demoAccounts();
    first[0].roles.push('observer');
    first.pop();
    expect(demoAccounts()).toEqual(accounts);
  });
});

describe('CICA demo data: meetings', () => {
  it('has unique keys, an existing body, ordered dates and an explanatory note', () => {
    expect(meetingsByKey.size).toBe(demoMeetings.length);
    const bodySequences = demoMeetings.map((m) => `${m.bodyCode}/${m.sequence}`);
    expect(new Set(bodySequences).size).toBe(bodySequences.length);
    for (const m of demoMeetings) {
      expect(bodiesByCode.has(m.bodyCode)).toBe(true);
      expect(m.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ms(m.startsOn)).toBeLessThanOrEqual(ms(m.endsOn));
      expect(m.note).toMatch(/illustrative/i);
      expect(m.titleRu).toMatch(/[А-Яа-яЁё]/);
      expect(m.venueRu).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('gives every meeting at least five bilingual agenda items whose drafts exist', () => {
    for (const m of demoMeetings) {
      expect(m.agenda.length).toBeGreaterThanOrEqual(5);
      for (const item of m.agenda) {
        expect(item.title.trim()).not.toBe('');
        expect(item.annotation.trim()).not.toBe('');
        expect(item.titleRu).toMatch(/[А-Яа-яЁё]/);
        expect(item.annotationRu).toMatch(/[А-Яа-яЁё]/);
        for (const key of item.draftKeys ?? []) expect(draftKeys).toContain(key);
      }
    }
  });

  it('dates the 7th CFM on 17 December 2024, online, preceded by the December 2024 SOC', () => {
    const cfm = demoMeetings.find((m) => m.bodyCode === 'CFM' && m.sequence === 7);
    expect(cfm).toMatchObject({ startsOn: '2024-12-17', format: 'videoconference' });
    const soc = meetingsByKey.get('soc-2024-12');
    expect(soc?.startsOn.slice(0, 7)).toBe('2024-12');
    expect(ms(soc!.startsOn)).toBeLessThan(ms(cfm!.startsOn));
    expect([soc!.chair, ...soc!.coChairs].join(' ')).toMatch(/Bakayev.*Kaliyev/);
  });

  it('has the December 2022 SOC and SWG by videoconference', () => {
    for (const body of ['SOC', 'SWG']) {
      const meeting = demoMeetings.find(
        (m) => m.bodyCode === body && m.startsOn.startsWith('2022-12'),
      );
      expect(meeting?.format).toBe('videoconference');
    }
  });
});

describe('CICA demo data: drafts', () => {
  it('has unique keys, known types, an adopting body that adopts the type, and a member penholder', () => {
    expect(draftKeys.size).toBe(demoDrafts.length);
    for (const d of demoDrafts) {
      expect(DOCUMENT_TYPES).toContain(d.type);
      expect(bodiesByCode.get(d.adoptingBodyCode)?.adopts).toContain(d.type);
      expect(memberCodes).toContain(d.penholder);
      expect(d.note).toMatch(/illustrative/i);
      if (d.meetingKey !== null) {
        expect(meetingsByKey.get(d.meetingKey)?.bodyCode).toBe(d.adoptingBodyCode);
      }
    }
  });

  it('structures every revision: 3–8 preambular and 4–12 operative paragraphs, unique keys, balanced brackets', () => {
    for (const d of demoDrafts) {
      expect(d.revisions.length).toBeGreaterThan(0);
      for (const r of d.revisions) {
        expect(r.preamble.length).toBeGreaterThanOrEqual(3);
        expect(r.preamble.length).toBeLessThanOrEqual(8);
        expect(r.operative.length).toBeGreaterThanOrEqual(4);
        expect(r.operative.length).toBeLessThanOrEqual(12);
        for (const p of r.preamble) expect(p.key).toMatch(/^pp\d+$/);
        for (const p of r.operative) expect(p.key).toMatch(/^op\d+$/);
        const keys = paragraphs(r).map((p) => p.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of paragraphs(r)) expect(bracketsBalanced(p.text)).toBe(true);
        expect(emails).toContain(r.authorEmail);
      }
    }
  });

  it('records positions only for member states active at the time, once each, on paragraphs of the last revision', () => {
    for (const d of demoDrafts) {
      const states = d.positions.map((p) => p.stateCode);
      expect(new Set(states).size).toBe(states.length);
      const keys = new Set(paragraphs(lastRevision(d)).map((p) => p.key));
      for (const p of d.positions) {
        expect(memberCodes).toContain(p.stateCode);
        expect(activeOn(p.stateCode, p.recordedAt)).toBe(true);
        for (const key of p.paragraphKeys ?? []) expect(keys).toContain(key);
        if (p.stance !== 'concur') {
          expect(p.text?.trim()).toBeTruthy();
          expect(p.paragraphKeys?.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('orders every timeline: revisions, submission, silence, positions, consensus, adoption', () => {
    for (const d of demoDrafts) {
      const { outcome } = d;
      const revisionTimes = d.revisions.map((r) => ms(r.createdAt));
      for (let i = 1; i < revisionTimes.length; i += 1) {
        expect(revisionTimes[i]).toBeGreaterThan(revisionTimes[i - 1]);
      }
      const lastRevisionAt = revisionTimes[revisionTimes.length - 1];
      if (outcome.submittedAt) expect(ms(outcome.submittedAt)).toBeGreaterThan(revisionTimes[0]);
      for (const p of d.positions) {
        expect(ms(p.recordedAt)).toBeGreaterThan(lastRevisionAt);
        if (outcome.submittedAt) expect(ms(p.recordedAt)).toBeGreaterThan(ms(outcome.submittedAt));
        if (outcome.consensus) {
          expect(ms(p.recordedAt)).toBeLessThan(ms(outcome.consensus.declaredAt));
        }
      }
      if (outcome.silence) {
        expect(ms(outcome.silence.startedAt)).toBeGreaterThan(lastRevisionAt);
        expect(ms(outcome.silence.deadline)).toBeGreaterThan(ms(outcome.silence.startedAt));
        expect(emails).toContain(outcome.silence.startedByEmail);
      }
      if (outcome.consensus) {
        expect(ms(outcome.consensus.declaredAt)).toBeGreaterThan(lastRevisionAt);
        expect(emails).toContain(outcome.consensus.declaredByEmail);
      }
      if (outcome.adoption) {
        expect(ms(outcome.adoption.adoptedAt)).toBeGreaterThan(ms(outcome.consensus!.declaredAt));
        expect(emails).toContain(outcome.adoption.adoptedByEmail);
      }
    }
  });

  it('gives ADOPTED drafts a consensus that the rules allow and an adoption at a meeting of the adopting body', () => {
    const adopted = demoDrafts.filter((d) => d.outcome.status === 'ADOPTED');
    expect(adopted.length).toBeGreaterThanOrEqual(6);
    for (const d of adopted) {
      const { consensus, adoption, silence } = d.outcome;
      expect(consensus).toBeDefined();
      expect(adoption).toBeDefined();
      expect(hasBrackets(lastRevision(d))).toBe(false);
      expect(d.positions.some((p) => p.stance === 'objection')).toBe(false);
      const declaredBy = accounts.find((a) => a.email === consensus!.declaredByEmail);
      expect(declaredBy?.roles).toContain('chair');
      if (consensus!.method === 'explicit') {
        const answered = new Set(d.positions.map((p) => p.stateCode));
        for (const code of memberCodes) {
          if (activeOn(code, consensus!.declaredAt)) expect(answered).toContain(code);
        }
      } else {
        expect(silence).toBeDefined();
        expect(ms(consensus!.declaredAt)).toBeGreaterThanOrEqual(ms(silence!.deadline));
      }
      const meeting = meetingsByKey.get(adoption!.meetingKey);
      expect(meeting?.bodyCode).toBe(d.adoptingBodyCode);
      expect(meeting?.status).toBe('closed');
      const adoptedDay = adoption!.adoptedAt.slice(0, 10);
      expect(adoptedDay >= meeting!.startsOn && adoptedDay <= meeting!.endsOn).toBe(true);
      const adoptedBy = accounts.find((a) => a.email === adoption!.adoptedByEmail);
      expect(adoptedBy?.chairOf).toContain(d.adoptingBodyCode);
    }
  });

  it('passes the domain’s own consensus rule wherever consensus was declared explicitly', () => {
    const explicit = demoDrafts.filter((d) => d.outcome.consensus?.method === 'explicit');
    expect(explicit.length).toBeGreaterThan(0);
    for (const d of explicit) {
      const status = evaluateConsensus({
        members: members.map((m) => ({ code: m.code, joined: m.joined })),
        positions: d.positions.map((p) => ({
          stateCode: p.stateCode,
          stance: p.stance,
          text: p.text,
          paragraphs: p.paragraphKeys,
          recordedAt: new Date(p.recordedAt),
        })),
        content: content(lastRevision(d)),
        onDate: new Date(d.outcome.consensus!.declaredAt),
      });
      expect({ draft: d.key, reached: status.reached }).toEqual({ draft: d.key, reached: true });
    }
  });

  it('keeps open drafts open: no consensus or adoption, and a PROPOSED draft has no positions', () => {
    for (const d of demoDrafts.filter(
      (x) => !['ADOPTED', 'CONSENSUS'].includes(x.outcome.status),
    )) {
      expect(d.outcome.consensus).toBeUndefined();
      expect(d.outcome.adoption).toBeUndefined();
      if (d.outcome.status === 'PROPOSED') {
        expect(d.positions).toHaveLength(0);
        expect(d.outcome.submittedAt).toBeUndefined();
        expect(d.outcome.silence).toBeUndefined();
      } else {
        expect(d.outcome.submittedAt).toBeDefined();
      }
      if (d.meetingKey) expect(meetingsByKey.get(d.meetingKey)?.status).toBe('planned');
    }
  });

  it('has the CFM Statement on the 1999 Declaration: brackets in rev 1, clean rev 2, all 28 positions, adopted at the 7th CFM', () => {
    const statement = demoDrafts.find(
      (d) => d.type === 'statement' && d.adoptingBodyCode === 'CFM',
    )!;
    expect(statement.title).toMatch(/25th anniversary/);
    expect(statement.revisions).toHaveLength(2);
    expect(hasBrackets(statement.revisions[0])).toBe(true);
    expect(hasBrackets(statement.revisions[1])).toBe(false);
    expect(new Set(statement.positions.map((p) => p.stateCode))).toEqual(memberCodes);
    expect(
      statement.positions.filter((p) => p.stance === 'reservation').length,
    ).toBeGreaterThanOrEqual(1);
    expect(statement.outcome).toMatchObject({
      status: 'ADOPTED',
      consensus: { method: 'explicit', declaredByEmail: 'soc-chair@demo.local' },
      adoption: { meetingKey: 'cfm-7', adoptedByEmail: 'cfm-chair@demo.local' },
    });
    expect(statement.outcome.adoption!.adoptedAt.slice(0, 10)).toBe('2024-12-17');
    expect(ms(statement.outcome.consensus!.declaredAt)).toBeLessThan(ms('2024-12-17'));
  });

  it('has the December 2022 SOC documents adopted, one of them by silence', () => {
    const dec2022 = demoDrafts.filter((d) => d.outcome.adoption?.meetingKey === 'soc-2022-12');
    expect(dec2022.map((d) => d.type).sort()).toEqual(
      ['action-plan', 'budget', 'calendar', 'concept-paper', 'concept-paper'].sort(),
    );
    expect(dec2022.some((d) => d.outcome.consensus?.method === 'silence')).toBe(true);
  });

  it('has lively open drafts: brackets, an objection with a reason, unanswered states, a running silence procedure and a PROPOSED draft', () => {
    const underReview = demoDrafts.filter((d) => d.outcome.status === 'UNDER_SOC_REVIEW');
    expect(underReview.length).toBeGreaterThanOrEqual(2);
    expect(underReview.some((d) => hasBrackets(lastRevision(d)))).toBe(true);
    expect(
      underReview.some((d) => d.positions.some((p) => p.stance === 'objection' && p.text)),
    ).toBe(true);
    expect(underReview.some((d) => d.positions.some((p) => p.stance === 'reservation'))).toBe(true);
    for (const d of underReview) expect(d.positions.length).toBeLessThan(memberCodes.size);
    const silent = underReview.find((d) => d.outcome.silence);
    expect(silent?.positions.some((p) => p.stance === 'objection')).toBe(false);
    expect(ms(silent!.outcome.silence!.deadline)).toBeGreaterThan(
      Math.max(...silent!.positions.map((p) => ms(p.recordedAt))),
    );
    expect(demoDrafts.some((d) => d.outcome.status === 'PROPOSED')).toBe(true);
    expect(draft('summit-2026-declaration').adoptingBodyCode).toBe('SUMMIT');
  });

  it('keeps paragraph identity across revisions of the CFM Statement', () => {
    const [rev1, rev2] = draft('cfm-2024-statement-1999-declaration').revisions;
    const rev1Keys = new Set(paragraphs(rev1).map((p) => p.key));
    const carried = paragraphs(rev2).filter((p) => rev1Keys.has(p.key));
    expect(carried.length).toBeGreaterThan(paragraphs(rev2).length / 2);
    expect(delegateEmail('KAZ')).toBe(rev1.authorEmail);
  });
});
