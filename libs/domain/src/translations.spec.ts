import { isDomainError } from './errors';
import type { RevisionContent } from './revision';
import { SECRETARIAT, delegateOf, withRoles } from './test-factories';
import {
  adoptionVersionsRefusal,
  carryTranslation,
  checkTranslation,
  translationLanguageRefusal,
  translationState,
  translatorRefusal,
} from './translations';

const revision1: RevisionContent = {
  title: 'Draft statement',
  preamble: [
    { id: 'pp1', text: 'Recalling the Almaty Act,' },
    { id: 'pp2', text: 'Noting the report,' },
  ],
  operative: [
    { id: 'op1', text: 'Welcomes the report;' },
    { id: 'op2', text: 'Decides to remain seized of the matter.' },
  ],
};

const russian = {
  title: 'Проект заявления',
  preamble: [
    { id: 'pp1', text: 'ссылаясь на Алматинский акт,' },
    { id: 'pp2', text: 'принимая к сведению доклад,' },
  ],
  operative: [
    { id: 'op1', text: 'приветствует доклад;' },
    { id: 'op2', text: 'постановляет продолжать заниматься этим вопросом.' },
  ],
};

function refusal(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkTranslation', () => {
  it('takes a complete version and makes every paragraph current, in the original order', () => {
    const version = checkTranslation(revision1, russian, 'ru');
    expect(version.title).toBe('Проект заявления');
    expect(version.paragraphs.map((p) => [p.id, p.outdated])).toEqual([
      ['pp1', false],
      ['pp2', false],
      ['op1', false],
      ['op2', false],
    ]);
    expect(translationState(revision1, version)).toEqual({
      status: 'current',
      outdatedParagraphs: [],
      titleOutdated: false,
    });
  });

  it('names the missing paragraph ids', () => {
    const error = refusal(() =>
      checkTranslation(revision1, { ...russian, operative: russian.operative.slice(0, 1) }, 'ru'),
    );
    expect(error.code).toBe('MISSING_PARAGRAPH');
    expect(error.facts.paragraphIds).toEqual(['op2']);
    expect(error.message).toContain('op2');
  });

  it('names an id the original does not have', () => {
    const error = refusal(() =>
      checkTranslation(
        revision1,
        { ...russian, operative: [...russian.operative, { id: 'op9', text: 'лишний' }] },
        'ru',
      ),
    );
    expect(error.code).toBe('UNKNOWN_PARAGRAPH');
    expect(error).toMatchObject({ field: 'operative[2].id', facts: { paragraphId: 'op9' } });
  });

  it('refuses a paragraph put in the other part, given twice, or left empty', () => {
    expect(
      refusal(() =>
        checkTranslation(
          revision1,
          {
            ...russian,
            preamble: [russian.preamble[0]],
            operative: [russian.preamble[1], ...russian.operative],
          },
          'ru',
        ),
      ).code,
    ).toBe('UNKNOWN_PARAGRAPH');
    expect(
      refusal(() =>
        checkTranslation(
          revision1,
          { ...russian, preamble: [russian.preamble[0], russian.preamble[0]] },
          'ru',
        ),
      ).code,
    ).toBe('DUPLICATE_PARAGRAPH');
    expect(
      refusal(() =>
        checkTranslation(
          revision1,
          { ...russian, operative: [russian.operative[0], { id: 'op2', text: '  ' }] },
          'ru',
        ),
      ).code,
    ).toBe('EMPTY_PARAGRAPH');
    expect(refusal(() => checkTranslation(revision1, { ...russian, title: '' }, 'ru')).code).toBe(
      'TITLE_REQUIRED',
    );
  });
});

describe('carryTranslation', () => {
  const revision2: RevisionContent = {
    title: 'Draft statement',
    preamble: [
      { id: 'pp1', text: 'Recalling the Almaty Act,' },
      { id: 'pp2', text: 'Noting with appreciation the report,' },
    ],
    operative: [
      { id: 'op1', text: 'Welcomes the report;' },
      { id: 'op3', text: 'Requests the Secretariat to report back;' },
      { id: 'op2', text: 'Decides to remain seized of the matter.' },
    ],
  };

  it('carries unchanged paragraphs and lists changed and new ones as outdated', () => {
    const carried = carryTranslation(
      revision1,
      revision2,
      checkTranslation(revision1, russian, 'ru'),
    );
    expect(carried.paragraphs).toEqual([
      { id: 'pp1', text: 'ссылаясь на Алматинский акт,', outdated: false },
      { id: 'pp2', text: 'принимая к сведению доклад,', outdated: true },
      { id: 'op1', text: 'приветствует доклад;', outdated: false },
      { id: 'op2', text: 'постановляет продолжать заниматься этим вопросом.', outdated: false },
    ]);
    expect(translationState(revision2, carried)).toEqual({
      status: 'outdated',
      outdatedParagraphs: ['pp2', 'op3'],
      titleOutdated: false,
    });
  });

  it('keeps a paragraph outdated across revisions until it is redone, and drops removed ones', () => {
    const carried = carryTranslation(
      revision1,
      revision2,
      checkTranslation(revision1, russian, 'ru'),
    );
    const revision3: RevisionContent = { ...revision2, operative: revision2.operative.slice(0, 1) };
    const again = carryTranslation(revision2, revision3, carried);
    expect(again.paragraphs.map((p) => [p.id, p.outdated])).toEqual([
      ['pp1', false],
      ['pp2', true],
      ['op1', false],
    ]);
  });

  it('marks the title outdated when the original title changed', () => {
    const carried = carryTranslation(
      revision1,
      { ...revision1, title: 'Draft declaration' },
      checkTranslation(revision1, russian, 'ru'),
    );
    expect(translationState({ ...revision1, title: 'Draft declaration' }, carried)).toMatchObject({
      status: 'outdated',
      outdatedParagraphs: [],
      titleOutdated: true,
    });
  });
});

describe('translationState', () => {
  it('reports a version nobody entered as missing', () => {
    expect(translationState(revision1, null).status).toBe('missing');
  });
});

describe('adoptionVersionsRefusal', () => {
  const versions = [
    { language: 'ru', status: 'outdated' as const },
    { language: 'fr', status: 'current' as const },
  ];

  it('adopts in the original language under the default rule', () => {
    expect(adoptionVersionsRefusal('original', versions)).toBeNull();
  });

  it('refuses under the strict rule, naming the languages that lack a current version', () => {
    const error = adoptionVersionsRefusal('strict', versions);
    expect(error).toMatchObject({
      code: 'LANGUAGE_VERSIONS_NOT_CURRENT',
      category: 'conflict',
      facts: { languages: ['ru'] },
    });
    expect(adoptionVersionsRefusal('strict', [versions[1]])).toBeNull();
  });
});

describe('who and which language', () => {
  it('lets the secretariat and an admin enter versions, not a delegate', () => {
    expect(translatorRefusal(SECRETARIAT)).toBeNull();
    expect(translatorRefusal(withRoles('admin'))).toBeNull();
    expect(translatorRefusal(delegateOf('KAZ'))?.code).toBe('ROLE_REQUIRED');
  });

  it('refuses a language the forum does not work in, and the original language', () => {
    expect(translationLanguageRefusal(['en', 'ru'], 'en', 'ru')).toBeNull();
    expect(translationLanguageRefusal(['en', 'ru'], 'en', 'fr')?.code).toBe('UNKNOWN_LANGUAGE');
    expect(translationLanguageRefusal(['en', 'ru'], 'en', 'en')?.code).toBe('ORIGINAL_LANGUAGE');
  });
});
