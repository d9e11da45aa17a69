import type { MemberState } from './consensus';
import { noticeView, type NoticeReader } from './notice-wording';
import {
  NOTICE_KINDS,
  isTimeZone,
  planNotices,
  type NoticeChange,
  type NoticeRecipient,
} from './notices';

const ON = new Date('2024-12-17T10:00:00Z');
const DRAFT = {
  id: 'draft-1',
  symbol: 'CICA/SOC/2024/3',
  title: 'Joint statement',
  penholder: 'KAZ',
};
const MEMBERS: MemberState[] = [
  { code: 'AZE', joined: '2002-06-04' },
  { code: 'KAZ', joined: '1999-09-14' },
  { code: 'MNG', joined: '1999-09-14' },
  // Joins after the change: not yet told.
  { code: 'TKM', joined: '2025-06-01' },
  // Left before it.
  { code: 'XXX', joined: '1999-09-14', left: '2010-01-01' },
];

function delegate(userId: string, stateCode: string, extra: Partial<NoticeRecipient> = {}) {
  return { userId, stateCode, language: 'en', timeZone: 'UTC', optOut: [], ...extra } as const;
}

const RECIPIENTS: NoticeRecipient[] = [
  delegate('aze-1', 'AZE'),
  delegate('aze-2', 'AZE', { language: 'ru' }),
  delegate('kaz-1', 'KAZ', { language: 'ru', timeZone: 'Asia/Almaty' }),
  delegate('mng-1', 'MNG'),
  delegate('tkm-1', 'TKM'),
  delegate('xxx-1', 'XXX'),
];

const plan = (change: NoticeChange, recipients = RECIPIENTS) =>
  planNotices({ change, draft: DRAFT, members: MEMBERS, recipients, onDate: ON });

const reader = (language: 'en' | 'ru', timeZone = 'UTC'): NoticeReader => ({
  language,
  timeZone,
  stateName: (code) =>
    ({ KAZ: language === 'ru' ? 'Казахстан' : 'Kazakhstan', MNG: 'Mongolia' })[code] ?? code,
});

describe('who hears of a change', () => {
  it('tells every delegate of every member state active that day, once each', () => {
    const notices = plan({ kind: 'under-review', revision: 1 });
    expect(notices.map((n) => n.recipientId)).toEqual(['aze-1', 'aze-2', 'kaz-1', 'mng-1']);
    expect(notices.every((n) => n.kind === 'under-review' && n.draftId === 'draft-1')).toBe(true);
  });

  it('leaves out whoever opted out of the kind, and only of that kind', () => {
    const recipients = [
      delegate('aze-1', 'AZE', { optOut: ['revision'] }),
      delegate('mng-1', 'MNG', { optOut: ['consensus'] }),
    ];
    expect(plan({ kind: 'revision', revision: 2, reopened: false }, recipients)).toHaveLength(1);
    expect(
      plan({ kind: 'consensus', revision: 2, method: 'explicit' }, recipients).map(
        (n) => n.recipientId,
      ),
    ).toEqual(['aze-1']);
  });

  it('does not tell the same user twice when they appear twice', () => {
    const recipients = [delegate('aze-1', 'AZE'), delegate('aze-1', 'AZE')];
    expect(plan({ kind: 'under-review', revision: 1 }, recipients)).toHaveLength(1);
  });

  it("tells only the penholder's delegates of an amendment another state proposes", () => {
    const notices = plan({ kind: 'amendment', revision: 2, proposedBy: 'MNG' });
    expect(notices.map((n) => n.recipientId)).toEqual(['kaz-1']);
    expect(notices[0].facts.proposedBy).toBe('MNG');
    // The penholder proposing on its own draft is not told of its own amendment.
    expect(plan({ kind: 'amendment', revision: 2, proposedBy: 'KAZ' })).toEqual([]);
  });

  it('keeps the facts each kind prints', () => {
    const deadline = new Date('2024-12-20T15:00:00Z');
    expect(plan({ kind: 'silence-started', revision: 3, deadline })[0].facts).toEqual({
      symbol: DRAFT.symbol,
      title: DRAFT.title,
      revision: 3,
      deadline: '2024-12-20T15:00:00.000Z',
    });
    expect(
      plan({ kind: 'silence-broken', revision: 3, objectors: ['KAZ', 'MNG'] })[0].facts.objectors,
    ).toEqual(['KAZ', 'MNG']);
    expect(plan({ kind: 'adopted', revision: 3, meeting: '7th CFM' })[0].facts.meeting).toBe(
      '7th CFM',
    );
  });
});

describe('what a notice says', () => {
  it("prints a silence deadline in the reader's time zone and in UTC, in their language", () => {
    const facts = { ...DRAFT, revision: 3, deadline: '2024-12-20T15:00:00.000Z' };
    const en = noticeView('silence-started', facts, reader('en', 'Asia/Almaty'));
    expect(en.deadlineLocal).toBe('20 December 2024 at 20:00 (Asia/Almaty)');
    expect(en.deadlineUtc).toBe('20 December 2024 at 15:00 (UTC)');
    expect(en.title).toBe(
      'Silence procedure on CICA/SOC/2024/3 until 20 December 2024 at 20:00 (Asia/Almaty)',
    );
    const ru = noticeView('silence-started', facts, reader('ru', 'Europe/Moscow'));
    expect(ru.deadlineLocal).toBe('20 декабря 2024 г. в 18:00 (Europe/Moscow)');
    expect(ru.title).toMatch(/^Процедура умолчания по CICA\/SOC\/2024\/3 до 20 декабря/);
  });

  it('names the states that broke a silence, in the reader’s language', () => {
    const facts = { ...DRAFT, revision: 3, objectors: ['KAZ', 'MNG'] };
    expect(noticeView('silence-broken', facts, reader('en')).title).toBe(
      'Silence on CICA/SOC/2024/3 broken by Kazakhstan and Mongolia',
    );
    expect(noticeView('silence-broken', facts, reader('ru')).objectors).toBe(
      'Казахстан и Mongolia',
    );
  });

  it('has a title for every kind in every language', () => {
    const facts = {
      ...DRAFT,
      revision: 2,
      deadline: ON.toISOString(),
      objectors: ['KAZ'],
      method: 'silence' as const,
      meeting: '7th CFM',
      proposedBy: 'MNG',
    };
    for (const kind of NOTICE_KINDS) {
      for (const language of ['en', 'ru'] as const) {
        const title = noticeView(kind, facts, reader(language)).title;
        expect(title).toContain(DRAFT.symbol);
        expect(title).not.toMatch(/null|undefined/);
      }
    }
  });

  it('knows a time zone from a misspelt one', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Europe/Moskva')).toBe(false);
  });
});
