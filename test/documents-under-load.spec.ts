import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTemplatesDir } from '@chancery/documents';
import { loadConfig } from '../apps/api/src/config/config';
import { DocumentsService } from '../apps/api/src/documents/documents.service';
import { DraftRepository } from '@chancery/persistence';
import { openDocx } from '../libs/documents/src/testing/docx-inspection';
import { addRevision, registerDraft } from './support/drafts';
import { type TestApp, startTestApp } from './support/test-app';

interface AuditEntry {
  action: string;
  details: { rendered?: boolean; sha256?: string };
}

/** Waits for a state of the service (not for time to pass), a bounded number of turns. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 200_000; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    text: `The parties shall consult each other on matter ${index + 1} through the Secretariat.`,
  }));

// Each test starts render workers (compiled on the fly under Jest) and renders large texts:
// on a busy machine that alone outlasts the default 30 s.
jest.setTimeout(120_000);

describe('Documents under load', () => {
  let api: TestApp;
  /** A second replica on the same database: it shares the cache and the claims. */
  let replica: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    replica = await startTestApp({ databaseUrl: api.databaseUrl });
  });
  afterAll(async () => {
    await replica?.close();
    await api?.close();
  });

  async function download(app: TestApp, email: string, path: string, signal?: AbortSignal) {
    const response = await fetch(`${app.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await app.login(email)}` },
      signal,
    });
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  async function deliveries(draftId: string): Promise<AuditEntry[]> {
    const token = await api.login('secretariat@demo.local');
    const trail = await api.request<AuditEntry[]>('GET', `/api/drafts/${draftId}/audit`, { token });
    return trail.body.filter((entry) => entry.action === 'document.rendered');
  }

  it('renders a document asked for by two users once, and serves the second from the cache', async () => {
    const draft = await registerDraft(api);
    const path = `/api/drafts/${draft.id}/documents/text.docx`;
    const first = await download(api, 'secretariat@demo.local', path);
    const second = await download(api, 'observer@demo.local', path);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.etag).toBe(first.etag);
    expect(second.body.equals(first.body)).toBe(true);
    const audited = await deliveries(draft.id);
    expect(audited.map((entry) => entry.details.rendered)).toEqual([true, false]);
  });

  it('renders once for 28 delegations asking at the same moment across two replicas', async () => {
    const draft = await registerDraft(api, { operative: paragraphs(400) });
    const path = `/api/drafts/${draft.id}/documents/text.docx`;
    const answers = await Promise.all(
      Array.from({ length: 28 }, (_, index) =>
        download(index % 2 === 0 ? api : replica, 'secretariat@demo.local', path),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array(28).fill(200));
    expect(new Set(answers.map((answer) => answer.etag)).size).toBe(1);
    expect(answers.every((answer) => answer.body.equals(answers[0].body))).toBe(true);
    const audited = await deliveries(draft.id);
    expect(audited).toHaveLength(28);
    expect(audited.filter((entry) => entry.details.rendered)).toHaveLength(1);
    expect((await openDocx(answers[0].body)).text).toContain('on matter 400 through');
    // Deliveries are audited in batches: the chain must still verify, entry by entry.
    const verify = await api.request('GET', '/api/audit/verify', {
      token: await api.login('admin@demo.local'),
    });
    expect(verify.body).toMatchObject({ valid: true, brokenAt: null });
  });

  it('changes the ETag for a new revision, and keeps it for the revision asked for by number', async () => {
    const draft = await registerDraft(api);
    const current = `/api/drafts/${draft.id}/documents/text.docx`;
    const before = await download(api, 'secretariat@demo.local', current);
    const { revision } = draft.body;
    await addRevision(api, draft.id, {
      preamble: revision.preamble,
      operative: [...revision.operative, { text: 'Invite observers to the next meeting.' }],
    });
    const after = await download(api, 'secretariat@demo.local', current);
    const first = await download(api, 'secretariat@demo.local', `${current}?revision=1`);

    expect(after.etag).not.toBe(before.etag);
    expect((await openDocx(after.body)).text).toContain('Invite observers to the next meeting.');
    expect(first.etag).toBe(before.etag);
  });

  it('changes the ETag and renders again when a template changes', async () => {
    const draft = await registerDraft(api);
    const templatesDir = await mkdtemp(join(tmpdir(), 'chancery-templates-'));
    await cp(defaultTemplatesDir(), templatesDir, { recursive: true });
    const outcome = join(templatesDir, 'en', 'outcome-document.hbs');
    await writeFile(
      outcome,
      (await readFile(outcome, 'utf8')).replace('– penholder:', '– penholder delegation:'),
    );
    const service = (dir?: string) =>
      new DocumentsService(
        api.dataSource,
        new DraftRepository(),
        loadConfig({ NODE_ENV: 'test', ...(dir ? { TEMPLATES_DIR: dir } : {}) }),
      );
    const [standard, edited] = [service(), service(templatesDir)];
    try {
      const options = { language: 'en' as const };
      const a = await standard.draftDocument(null, draft.id, 'text', options);
      const b = await edited.draftDocument(null, draft.id, 'text', options);

      expect(b.etag).not.toBe(a.etag);
      expect((await openDocx(b.buffer!)).text).toContain('penholder delegation: AZE');
      expect((await openDocx(a.buffer!)).text).not.toContain('penholder delegation');
      expect((await deliveries(draft.id)).map((entry) => entry.details.rendered)).toEqual([
        true,
        true,
      ]);
    } finally {
      await Promise.all([standard.onApplicationShutdown(), edited.onApplicationShutdown()]);
      await rm(templatesDir, { recursive: true, force: true });
    }
  });

  it('stops the render of a client that goes away, and does not audit it as delivered', async () => {
    const draft = await registerDraft(api, { operative: paragraphs(4000) });
    const path = `/api/drafts/${draft.id}/documents/text.docx`;
    const documents = api.app.get(DocumentsService);
    const client = new AbortController();
    const abandoned = download(api, 'secretariat@demo.local', path, client.signal);
    await until(() => documents.rendersInFlight === 1, 'the render starts');
    client.abort();
    await expect(abandoned).rejects.toThrow();
    await until(() => documents.rendersInFlight === 0, 'the render is given up');

    expect(await deliveries(draft.id)).toEqual([]);
    // Nothing was stored for it: the next request renders the document itself.
    const next = await download(api, 'secretariat@demo.local', path);
    expect(next.status).toBe(200);
    expect((await deliveries(draft.id)).map((entry) => entry.details.rendered)).toEqual([true]);
  });
});
