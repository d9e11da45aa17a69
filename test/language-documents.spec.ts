import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTemplatesDir } from '@chancery/documents';
import { DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { ParticipantDto } from '../apps/api/src/reference/reference.dto';
import {
  TranslationDto,
  TranslationStatusDto,
} from '../apps/api/src/translations/translations.dto';
import { openDocx } from '../libs/documents/src/testing/docx-inspection';
import { createTestDatabase } from './support/database';
import { addRevision, readDraft, registerDraft } from './support/drafts';
import { bytesBody } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import { z } from 'zod';

const SECRETARIAT = 'secretariat@demo.local';

const ENGLISH = {
  title: 'Statement on water security',
  preamble: [
    { text: 'Recalling the Almaty Act,' },
    { text: 'Noting the report of the Secretariat,' },
  ],
  operative: [{ text: 'Welcome the report;' }, { text: 'Decide to remain seized of the matter.' }],
};
const RUSSIAN = {
  title: 'Заявление о водной безопасности',
  texts: [
    'ссылаясь на Алматинский акт,',
    'принимая к сведению доклад Секретариата,',
    'приветствуем доклад;',
    'постановляем продолжать заниматься этим вопросом.',
  ],
};
const ENGLISH_TEXTS = [...ENGLISH.preamble, ...ENGLISH.operative].map((p) => p.text);

/** The draft's current revision (every draft here is registered with its text). */
async function currentRevision(api: TestApp, id: string) {
  const draft = DraftDto.schema.parse((await readDraft(api, id)).body);
  return { ...draft.revision!, currentRevision: draft.currentRevision };
}

/** A version in one language for the draft's current revision, paragraph i from texts[i]. */
async function versionOf(api: TestApp, id: string, title: string, texts: string[]) {
  const revision = await currentRevision(api, id);
  let i = 0;
  const next = (p: { id: string }) => ({ id: p.id, text: texts[i++] });
  return {
    number: revision.currentRevision,
    body: {
      title,
      preamble: revision.preamble.map(next),
      operative: revision.operative.map(next),
    },
  };
}

async function enter(api: TestApp, id: string, lang: string, title: string, texts: string[]) {
  const { number, body } = await versionOf(api, id, title, texts);
  const response = await api.request(
    'PUT',
    `/api/drafts/${id}/revisions/${number}/translations/${lang}`,
    { token: await api.login(SECRETARIAT), body, as: TranslationDto.schema },
  );
  expect(response.status).toBe(200);
}

async function download(api: TestApp, path: string, headers: Record<string, string> = {}) {
  return api.request('GET', path, { token: await api.login(SECRETARIAT), headers });
}

/** The text of a Word answer. */
async function docxText(response: Awaited<ReturnType<typeof download>>) {
  return (await openDocx(bytesBody(response))).text;
}

describe('documents in each working language', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('prints text.docx?lang=ru in Russian: the Russian paragraphs and no English ones, Russian header, distribution, date and forum name', async () => {
    const draft = await registerDraft(api, ENGLISH);
    await enter(api, draft.id, 'ru', RUSSIAN.title, RUSSIAN.texts);
    const response = await download(api, `/api/drafts/${draft.id}/documents/text.docx?lang=ru`);
    expect(response.status).toBe(200);
    const docx = await openDocx(bytesBody(response));
    for (const text of [RUSSIAN.title, ...RUSSIAN.texts]) expect(docx.text).toContain(text);
    for (const text of [ENGLISH.title, ...ENGLISH_TEXTS]) expect(docx.text).not.toContain(text);
    expect(docx.text).toContain('Совещание по взаимодействию и мерам доверия в Азии');
    expect(docx.text).toContain('СВМДА');
    expect(docx.text).toContain('Распространение: ограниченное');
    expect(docx.text).toContain('Язык оригинала: английский');
    expect(docx.text).toMatch(/\d{1,2} [а-я]+ \d{4} г\./);
    expect(docx.text).not.toMatch(/Restricted|General|Distr\./);
    expect(docx.text).not.toContain('не подготовлен');
  });

  it('says plainly when the Russian version is missing or outdated, and a new version changes the document and its ETag', async () => {
    const draft = await registerDraft(api, ENGLISH);
    const url = `/api/drafts/${draft.id}/documents/text.docx?lang=ru`;
    const missing = await download(api, url);
    const missingText = await docxText(missing);
    expect(missingText).toContain('Текст на русском языке ещё не подготовлен');
    for (const text of ENGLISH_TEXTS) expect(missingText).not.toContain(text);

    await enter(api, draft.id, 'ru', RUSSIAN.title, RUSSIAN.texts);
    const current = await download(api, url);
    expect(current.headers.get('etag')).not.toBe(missing.headers.get('etag'));
    expect(
      (await download(api, url, { 'if-none-match': current.headers.get('etag')! })).status,
    ).toBe(304);

    const revision = await currentRevision(api, draft.id);
    const [op1, op2] = revision.operative;
    await addRevision(api, draft.id, {
      preamble: revision.preamble,
      operative: [{ id: op1.id, text: 'Welcome with appreciation the report;' }, op2],
    });
    const outdated = await docxText(await download(api, url));
    expect(outdated).toContain('Текст на русском языке устарел');
    expect(outdated).toContain(
      'приветствуем доклад; [перевод не обновлён после изменения оригинала]',
    );
    expect(outdated).not.toContain('Welcome with appreciation the report;');

    // A corrected version changes the document again.
    const before = (await download(api, url)).headers.get('etag');
    await enter(api, draft.id, 'ru', RUSSIAN.title, [
      ...RUSSIAN.texts.slice(0, 2),
      'с признательностью приветствуем доклад;',
      RUSSIAN.texts[3],
    ]);
    const redone = await download(api, url);
    expect(redone.headers.get('etag')).not.toBe(before);
    const redoneText = await docxText(redone);
    expect(redoneText).toContain('с признательностью приветствуем доклад;');
    expect(redoneText).not.toContain('устарел');

    // The redline in Russian compares the Russian versions; the compilation says it is in English.
    const redline = await docxText(
      await download(api, `/api/drafts/${draft.id}/documents/redline.docx?lang=ru`),
    );
    expect(redline).toContain('с признательностью');
    expect(redline).not.toContain('Welcome');
    const compilation = await docxText(
      await download(api, `/api/drafts/${draft.id}/documents/compilation.docx?lang=ru`),
    );
    expect(compilation).toContain('воспроизводятся на языке оригинала (английский)');
  });

  it('lists member states in the consensus report in the order of their Russian names', async () => {
    const draft = await registerDraft(api, ENGLISH);
    await enter(api, draft.id, 'ru', RUSSIAN.title, RUSSIAN.texts);
    const report = await docxText(
      await download(api, `/api/drafts/${draft.id}/documents/consensus-report.docx?lang=ru`),
    );
    expect(report).toContain(RUSSIAN.title);
    const names = (
      await api.request('GET', '/api/participants?kind=member-state', {
        token: await api.login(SECRETARIAT),
        as: ParticipantDto.schema.array(),
      })
    ).body.map((p) => p.nameRu);
    const sorted = [...names].sort(new Intl.Collator('ru-RU').compare);
    const positions = sorted.map((name) => report.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints the concordance: one row per paragraph with both texts, outdated rows marked', async () => {
    const draft = await registerDraft(api, ENGLISH);
    await enter(api, draft.id, 'ru', RUSSIAN.title, RUSSIAN.texts);
    const revision = await currentRevision(api, draft.id);
    const [pp1, pp2] = revision.preamble;
    await addRevision(api, draft.id, {
      preamble: [pp1, { id: pp2.id, text: 'Noting with concern the report of the Secretariat,' }],
      operative: revision.operative,
    });
    const response = await download(
      api,
      `/api/drafts/${draft.id}/documents/concordance.docx?revision=2`,
    );
    expect(response.status).toBe(200);
    const docx = await openDocx(bytesBody(response));
    const rows = [...docx.document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([xml]) =>
      [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
        [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join(''),
      ),
    );
    const table = rows.filter((cells) => cells.length === 3);
    // A heading row, the title, and one row per paragraph.
    expect(table).toHaveLength(1 + 1 + 4);
    expect(table[0][1]).toContain('English (original)');
    expect(table[0][2]).toContain('Russian (outdated)');
    expect(table[2]).toEqual(['PP 1', 'Recalling the Almaty Act,', RUSSIAN.texts[0]]);
    expect(table[3][0]).toBe('▲ PP 2');
    expect(table[3][1]).toBe('Noting with concern the report of the Secretariat,');
    expect(table[3][2]).toBe(`${RUSSIAN.texts[1]} [outdated]`);
    expect(table[5]).toEqual(['OP 2', ENGLISH_TEXTS[3], RUSSIAN.texts[3]]);
  });
});

describe('a third working language', () => {
  it('is a row in languages and a templates folder: its documents render', async () => {
    const templatesDir = await mkdtemp(join(tmpdir(), 'chancery-templates-'));
    await cp(defaultTemplatesDir(), templatesDir, { recursive: true });
    await cp(join(templatesDir, 'en'), join(templatesDir, 'fr'), { recursive: true });
    const letterhead = join(templatesDir, 'fr', 'partials', 'letterhead.hbs');
    await writeFile(
      letterhead,
      (await readFile(letterhead, 'utf8')).replace('Distr.:', 'Diffusion :'),
    );
    const databaseUrl = await createTestDatabase();
    const setup = await startTestApp({ databaseUrl });
    await setup.dataSource.query(
      `INSERT INTO languages (code, name, native_name, locale, forum_name, forum_acronym, position)
       VALUES ('fr', 'French', 'français', 'fr-FR',
               'Conférence pour l''interaction et les mesures de confiance en Asie', 'CICA', 3)`,
    );
    await setup.close();
    const api = await startTestApp({ databaseUrl, env: { TEMPLATES_DIR: templatesDir } });
    try {
      const draft = await registerDraft(api, ENGLISH);
      const statuses = await api.request('GET', `/api/drafts/${draft.id}/translations`, {
        token: await api.login(SECRETARIAT),
        as: TranslationStatusDto.schema.array(),
      });
      expect(statuses.body.map((s) => s.language)).toEqual(['ru', 'fr']);
      const french = [
        "rappelant l'Acte d'Almaty,",
        'prenant note du rapport du Secrétariat,',
        'saluons le rapport ;',
        'décidons de rester saisis de la question.',
      ];
      await enter(api, draft.id, 'fr', 'Déclaration sur la sécurité de l’eau', french);
      const response = await download(api, `/api/drafts/${draft.id}/documents/text.docx?lang=fr`);
      expect(response.status).toBe(200);
      const text = await docxText(response);
      for (const paragraph of french) expect(text).toContain(paragraph);
      for (const paragraph of ENGLISH_TEXTS) expect(text).not.toContain(paragraph);
      expect(text).toContain("Conférence pour l'interaction et les mesures de confiance en Asie");
      expect(text).toContain('Diffusion :');
      expect(text).toMatch(/\d{1,2} [a-zéû]+ \d{4}/);
    } finally {
      await api.close();
    }
  });
});

// GET /api/drafts declares no output schema (see the report): only what this test reads.
const DraftSummariesSchema = z.array(z.object({ id: z.string(), title: z.string() }));

describe('the demo', () => {
  it('seeds a Russian version that the second revision left outdated', async () => {
    const api = await startTestApp();
    try {
      const token = await api.login(SECRETARIAT);
      const drafts = await api.request('GET', '/api/drafts', { token });
      expect(drafts.status).toBe(200);
      const tourism = DraftSummariesSchema.parse(drafts.body).find((d) =>
        d.title.startsWith('Concept Paper on Cooperation in the Field of Tourism'),
      );
      const statuses = await api.request('GET', `/api/drafts/${tourism?.id}/translations`, {
        token,
        as: TranslationStatusDto.schema.array(),
      });
      expect(statuses.body).toEqual([
        expect.objectContaining({ language: 'ru', revision: 2, status: 'outdated' }),
      ]);
      expect(statuses.body[0].outdatedParagraphs).toHaveLength(2);
    } finally {
      await api.close();
    }
  });
});
