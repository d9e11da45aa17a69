import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  openMeeting,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { defaultTemplatesDir } from '@chancery/documents';
import { buildDataSourceOptions } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { WorkingLanguages } from '../apps/api/src/languages/working-languages';
import { DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { createTestDatabase } from './support/database';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import {
  LanguageDto,
  TranslationDto,
  TranslationStatusDto,
} from '../apps/api/src/translations/translations.dto';

const SECRETARIAT = 'secretariat@demo.local';

const ENGLISH = {
  title: 'Statement on water security',
  preamble: [
    { text: 'Recalling the Almaty Act,' },
    { text: 'Noting the report of the Secretariat,' },
  ],
  operative: [
    { text: 'Welcome the report;' },
    { text: 'Encourage cooperation on transboundary rivers;' },
    { text: 'Decide to remain seized of the matter.' },
  ],
};
const RUSSIAN_TEXTS = [
  'ссылаясь на Алматинский акт,',
  'принимая к сведению доклад Секретариата,',
  'приветствуем доклад;',
  'призываем к сотрудничеству по трансграничным рекам;',
  'постановляем продолжать заниматься этим вопросом.',
];

/** The draft's current revision (every draft here is registered with its text). */
async function currentRevision(api: TestApp, id: string) {
  const draft = DraftDto.schema.parse((await readDraft(api, id)).body);
  expect(draft.revision).not.toBeNull();
  return { ...draft.revision!, currentRevision: draft.currentRevision };
}

async function russianFor(api: TestApp, id: string, n = 1) {
  const revision = await currentRevision(api, id);
  const ids = [...revision.preamble, ...revision.operative].map((p) => p.id);
  expect(revision.currentRevision).toBe(n);
  return {
    title: 'Заявление о водной безопасности',
    preamble: revision.preamble.map((p) => ({ id: p.id, text: RUSSIAN_TEXTS[ids.indexOf(p.id)] })),
    operative: revision.operative.map((p) => ({
      id: p.id,
      text: RUSSIAN_TEXTS[ids.indexOf(p.id)],
    })),
  };
}

describe('language versions of a revision', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const put = async (id: string, n: number, lang: string, body: unknown, email = SECRETARIAT) =>
    api.request('PUT', `/api/drafts/${id}/revisions/${n}/translations/${lang}`, {
      token: await api.login(email),
      body,
    });
  const statuses = async (id: string) => {
    const response = await api.request('GET', `/api/drafts/${id}/translations`, {
      token: await api.login(SECRETARIAT),
    });
    return expectBody(response, TranslationStatusDto.schema.array(), 200);
  };

  it('lists the working languages from data, with the forum named in each', async () => {
    const { body: languages } = await api.request('GET', '/api/languages', {
      token: await api.login(SECRETARIAT),
      as: LanguageDto.schema.array(),
    });
    expect(languages.map((l) => l.code)).toEqual(['en', 'ru']);
    expect(languages[1]).toMatchObject({ forumAcronym: 'СВМДА', nativeName: 'русский' });
  });

  it('takes a Russian version of revision 1, then lists exactly the two paragraphs revision 2 changed as outdated', async () => {
    const draft = await registerDraft(api, ENGLISH);
    expect(await statuses(draft.id)).toEqual([
      expect.objectContaining({ language: 'ru', revision: 1, status: 'missing' }),
    ]);

    const russian = await russianFor(api, draft.id);
    const entered = await put(draft.id, 1, 'ru', russian);
    const version = expectBody(entered, TranslationDto.schema, 200);
    expect(version).toMatchObject({ status: 'current', outdatedParagraphs: [], original: 'en' });
    expect(version.operative[0]).toMatchObject({
      text: 'приветствуем доклад;',
      original: 'Welcome the report;',
      outdated: false,
    });
    expect(await statuses(draft.id)).toEqual([
      {
        language: 'ru',
        revision: 1,
        status: 'current',
        outdatedParagraphs: [],
        titleOutdated: false,
      },
    ]);

    // Revision 2 rewords PP2 and OP2, keeps the rest word for word.
    const current = await currentRevision(api, draft.id);
    const [pp1, pp2] = current.preamble;
    const [op1, op2, op3] = current.operative;
    const revised = await addRevision(api, draft.id, {
      preamble: [
        pp1,
        { id: pp2.id, text: 'Noting with appreciation the report of the Secretariat,' },
      ],
      operative: [op1, { id: op2.id, text: 'Encourage closer cooperation on rivers;' }, op3],
    });
    expect(revised.status).toBe(201);

    expect(await statuses(draft.id)).toEqual([
      {
        language: 'ru',
        revision: 2,
        status: 'outdated',
        outdatedParagraphs: [pp2.id, op2.id],
        titleOutdated: false,
      },
    ]);
    const carried = await api.request(
      'GET',
      `/api/drafts/${draft.id}/revisions/2/translations/ru`,
      { token: await api.login(delegateOf('KAZ')), as: TranslationDto.schema },
    );
    expect(
      [...carried.body.preamble, ...carried.body.operative].map((p) => [p.text, p.outdated]),
    ).toEqual([
      [RUSSIAN_TEXTS[0], false],
      [RUSSIAN_TEXTS[1], true],
      [RUSSIAN_TEXTS[2], false],
      [RUSSIAN_TEXTS[3], true],
      [RUSSIAN_TEXTS[4], false],
    ]);

    // The translator redoes the two: the version is current again.
    const redone = await russianFor(api, draft.id, 2);
    redone.preamble[1].text = 'с признательностью принимая к сведению доклад Секретариата,';
    redone.operative[1].text = 'призываем к более тесному сотрудничеству по рекам;';
    expectBody(await put(draft.id, 2, 'ru', redone), TranslationDto.schema, 200);
    expect((await statuses(draft.id))[0]).toMatchObject({ status: 'current', revision: 2 });

    const audit = await api.dataSource.query<
      { action: string; details: Record<string, unknown> }[]
    >(
      `SELECT action, details FROM audit_log WHERE draft_id = $1 AND action LIKE 'translation.%' ORDER BY seq`,
      [draft.id],
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'translation.entered',
      'translation.carried',
      'translation.entered',
    ]);
    expect(audit[1].details).toMatchObject({
      language: 'ru',
      outdatedParagraphs: [pp2.id, op2.id],
    });
    expect(audit[2].details.redone).toEqual([pp2.id, op2.id]);
  });

  it('refuses a version lacking a paragraph or naming one the original does not have (422, naming the id)', async () => {
    const draft = await registerDraft(api, ENGLISH);
    const russian = await russianFor(api, draft.id);
    const lacking = await put(draft.id, 1, 'ru', {
      ...russian,
      operative: russian.operative.slice(0, 2),
    });
    expect(expectProblem(lacking, 422, 'MISSING_PARAGRAPH').detail).toContain(
      russian.operative[2].id,
    );

    const unknown = await put(draft.id, 1, 'ru', {
      ...russian,
      operative: [...russian.operative, { id: 'no-such-paragraph', text: 'лишний пункт' }],
    });
    expect(expectProblem(unknown, 422, 'UNKNOWN_PARAGRAPH').detail).toContain('no-such-paragraph');
  });

  it('refuses an unknown language (404), the original language (422), a delegate (403) and a superseded revision (409)', async () => {
    const draft = await registerDraft(api, ENGLISH);
    const russian = await russianFor(api, draft.id);
    expectProblem(await put(draft.id, 1, 'fr', russian), 404);
    expectProblem(await put(draft.id, 1, 'en', russian), 422, 'ORIGINAL_LANGUAGE');
    expectProblem(await put(draft.id, 1, 'ru', russian, delegateOf('KAZ')), 403);
    expectBody(
      await put(draft.id, 1, 'ru', russian, 'admin@demo.local'),
      TranslationDto.schema,
      200,
    );

    const current = await currentRevision(api, draft.id);
    await addRevision(api, draft.id, {
      preamble: current.preamble,
      operative: current.operative,
      note: 'no change',
    });
    expectProblem(await put(draft.id, 1, 'ru', russian), 409);
    expectBody(await put(draft.id, 2, 'ru', russian), TranslationDto.schema, 200);
  });

  describe('adoption and the language versions', () => {
    async function atConsensus() {
      const draft = await registerDraft(api, ENGLISH);
      expect((await transition(api, draft.id, SECRETARIAT, { action: 'submit' })).status).toBe(200);
      await everyoneConcurs(api, draft.id);
      const declared = await transition(api, draft.id, 'soc-chair@demo.local', {
        action: 'declare-consensus',
      });
      expect(declared.status).toBe(200);
      return draft;
    }
    const setRule = (rule: string) =>
      api.dataSource.query('UPDATE forum SET adoption_rule = $1', [rule]);
    afterEach(() => setRule('original'));

    it('by default adopts in the original language, the record saying which versions were current', async () => {
      const draft = await atConsensus();
      const meetingId = await openMeeting(api, 'CFM');
      const adopted = await transition(api, draft.id, 'cfm-chair@demo.local', {
        action: 'adopt',
        meetingId,
      });
      expect(adopted.status).toBe(200);
      const [entry] = await api.dataSource.query<{ details: Record<string, unknown> }[]>(
        `SELECT details FROM audit_log WHERE draft_id = $1 AND action = 'draft.adopt'`,
        [draft.id],
      );
      expect(entry.details).toMatchObject({
        adoptedIn: 'en',
        languageVersions: [{ language: 'ru', status: 'missing' }],
      });
    });

    it('under the strict setting refuses adoption (409, naming the languages) while the Russian version is outdated', async () => {
      await setRule('strict');
      const draft = await atConsensus();
      const russian = await russianFor(api, draft.id);
      expectBody(await put(draft.id, 1, 'ru', russian), TranslationDto.schema, 200);
      // A new revision at consensus reopens review; the Russian version is now outdated.
      const current = await currentRevision(api, draft.id);
      const [op1, ...rest] = current.operative;
      expect(
        (
          await addRevision(api, draft.id, {
            preamble: current.preamble,
            operative: [{ id: op1.id, text: 'Welcome with appreciation the report;' }, ...rest],
            reason: 'a last change agreed in the corridors',
          })
        ).status,
      ).toBe(201);
      await everyoneConcurs(api, draft.id);
      await transition(api, draft.id, 'soc-chair@demo.local', { action: 'declare-consensus' });
      const meetingId = await openMeeting(api, 'CFM');
      const refused = await transition(api, draft.id, 'cfm-chair@demo.local', {
        action: 'adopt',
        meetingId,
      });
      const notCurrent = expectProblem(refused, 409, 'LANGUAGE_VERSIONS_NOT_CURRENT');
      expect(notCurrent.facts).toMatchObject({ languages: ['ru'] });
      expect(notCurrent.detail).toContain('ru version is outdated');

      const redone = await russianFor(api, draft.id, 2);
      redone.operative[0].text = 'с признательностью приветствуем доклад;';
      expectBody(await put(draft.id, 2, 'ru', redone), TranslationDto.schema, 200);
      const adopted = await transition(api, draft.id, 'cfm-chair@demo.local', {
        action: 'adopt',
        meetingId,
      });
      expect(adopted.status).toBe(200);
    });
  });
});

describe('working languages at start-up', () => {
  // The app's provider runs this check as it starts (workingLanguagesProvider): Nest then exits.
  it('refuses to start when a working language has no templates folder, saying which', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions({ url: await createTestDatabase(), poolSize: 2 }),
    );
    await dataSource.initialize();
    try {
      await expect(WorkingLanguages.load(dataSource, defaultTemplatesDir())).resolves.toBeTruthy();
      await dataSource.query(
        `INSERT INTO languages (code, name, native_name, locale, forum_name, forum_acronym, position)
         VALUES ('fr', 'French', 'français', 'fr-FR', 'Conférence pour l''interaction et les mesures de confiance en Asie', 'CICA', 3)`,
      );
      await expect(WorkingLanguages.load(dataSource, defaultTemplatesDir())).rejects.toThrow(
        /works in French \(fr\), but .* has no fr\/ folder/,
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
