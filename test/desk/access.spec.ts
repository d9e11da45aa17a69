import { ConsensusDto, DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { randomUUID } from 'node:crypto';
import { openMeeting, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, csrfToken, fieldValue, visibleText } from './support/desk-client';

describe('who may see and do what on the desk', () => {
  let api: TestApp;
  let draftId: string;
  let delegate: DeskClient;

  beforeAll(async () => {
    api = await startTestApp();
    const draft = await registerDraft(api, { penholder: 'AZE' });
    draftId = draft.id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
    delegate = new DeskClient(api);
    await delegate.signIn('delegate.kgz@demo.local');
  });
  afterAll(() => api.close());

  it('keeps the consensus dashboard from delegates and observers, with a 403 page', async () => {
    const forbidden = await delegate.get('/desk');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('text/html');
    const text = visibleText(forbidden.html);
    expect(text).toContain('Not allowed for your role');
    expect(text).toContain('This page is for the admin or secretariat or chair.');
    expect(forbidden.html).toContain('href="/desk/delegation"');

    const observer = new DeskClient(api);
    await observer.signIn('observer@demo.local');
    expect((await observer.get('/desk')).status).toBe(403);
    expect((await observer.get('/desk/delegation')).status).toBe(403);
    expect((await observer.get(`/desk/drafts/${draftId}`)).status).toBe(200);

    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    expect((await chair.get('/desk')).status).toBe(200);
    expect((await chair.get('/desk/delegation')).status).toBe(403);
  });

  it("lands a delegate on the drafts awaiting their state's position", async () => {
    const page = await delegate.get('/desk/delegation');
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Delegation of Kyrgyzstan');
    expect(page.html).toContain(`href="/desk/drafts/${draftId}/positions/KGZ"`);
    expect(page.html).not.toMatch(/\/positions\/(?!KGZ)[A-Z]{3}"/);
  });

  it("shows a delegate the controls of their own state only, and refuses another state's by URL", async () => {
    const page = await delegate.get(`/desk/drafts/${draftId}`);
    expect(page.status).toBe(200);
    const links = [...page.html.matchAll(/href="\/desk\/drafts\/[^/]+\/positions\/([A-Z]+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(links)).toEqual(new Set(['KGZ']));
    // No transition is the delegate's to take: KGZ is not the penholder.
    expect(page.html).not.toContain(`action="/desk/drafts/${draftId}/transitions"`);

    const form = await delegate.get(`/desk/drafts/${draftId}/positions/KAZ`);
    expect(form.status).toBe(403);
    expect(visibleText(form.html)).toContain('you represent KGZ, not KAZ');
    expect(form.html).toContain('data-problem-code="NOT_OWN_STATE"');

    await delegate.get(`/desk/drafts/${draftId}`);
    const posted = await delegate.post(`/desk/drafts/${draftId}/positions/KAZ`, {
      revision: '1',
      stance: 'objection',
      text: 'Posted for another state',
      confirmed: 'yes',
    });
    expect(posted.status).toBe(403);
    const consensus = await api.request('GET', `/api/drafts/${draftId}/consensus`, {
      token: await api.login('admin@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body.positions).toEqual([]);
  });

  it('lets the penholder withdraw, and no other delegation', async () => {
    const penholder = new DeskClient(api);
    await penholder.signIn('delegate.aze@demo.local');
    const page = await penholder.get(`/desk/drafts/${draftId}`);
    expect(page.html).toContain('data-action="withdraw"');
    expect(page.html).toContain(`href="/desk/drafts/${draftId}/revise"`);

    await delegate.get(`/desk/drafts/${draftId}`);
    const etag = fieldValue((await penholder.get(`/desk/drafts/${draftId}`)).html, 'etag');
    const refused = await delegate.post(`/desk/drafts/${draftId}/transitions`, {
      action: 'withdraw',
      etag,
      confirmed: 'yes',
    });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('data-problem-code="NOT_PENHOLDER"');
    expect((await delegate.get(`/desk/drafts/${draftId}/revise`)).status).toBe(403);
  });

  it('keeps agenda editing to the secretariat, on the page and on post', async () => {
    const meetingId = await openMeeting(api, 'SOC');
    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    const page = await chair.get(`/desk/meetings/${meetingId}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Add an item');
    const posted = await chair.post(`/desk/meetings/${meetingId}/agenda`, {
      title: 'Any other business',
    });
    expect(posted.status).toBe(403);

    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    const own = await secretariat.get(`/desk/meetings/${meetingId}`);
    expect(own.html).toContain('Add an item');
    const added = await secretariat.post(`/desk/meetings/${meetingId}/agenda`, {
      title: 'Any other business',
    });
    expect(added.status).toBe(303);
    expect(visibleText((await secretariat.get(added.location!)).html)).toContain(
      '1. Any other business',
    );
  });

  it('answers 403 to a post whose CSRF token is forged, missing or from another session, and changes nothing', async () => {
    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    const page = await chair.get(`/desk/drafts/${draftId}`);
    const etag = fieldValue(page.html, 'etag');
    const form = { action: 'declare-consensus', etag, confirmed: 'yes' };

    const other = new DeskClient(api);
    await other.signIn('soc-chair@demo.local');
    const foreign = csrfToken(other.lastPage);

    for (const csrf of ['forged', null, foreign, `${csrfToken(page.html)}x`]) {
      const response = await chair.post(`/desk/drafts/${draftId}/transitions`, form, { csrf });
      expect([csrf, response.status]).toEqual([csrf, 403]);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.html).toContain('data-problem-code="CSRF_TOKEN_INVALID"');
    }
    const afterwards = await api.request('GET', `/api/drafts/${draftId}`, {
      token: await api.login('admin@demo.local'),
      as: DraftDto.schema,
    });
    expect(afterwards.body.status).toBe('UNDER_SOC_REVIEW');
    expect(afterwards.headers.get('etag')).toBe(etag);
  });

  it('answers 404 pages to bad and unknown ids, never 500', async () => {
    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    const paths = [
      '/desk/drafts/not-a-uuid',
      `/desk/drafts/${randomUUID()}`,
      `/desk/drafts/${draftId}?revision=abc`,
      `/desk/drafts/${draftId}?revision=99`,
      `/desk/drafts/${draftId}/compare?from=1&to=x`,
      `/desk/drafts/${draftId}/compare?from=1&to=7`,
      `/desk/drafts/${randomUUID()}/compare?from=1&to=1`,
      '/desk/meetings/0000',
      `/desk/meetings/${randomUUID()}`,
      `/desk/meetings/${randomUUID()}/documents/provisional-agenda.docx`,
      `/desk/drafts/${draftId}/documents/nothing.docx`,
      `/desk/drafts/${randomUUID()}/documents/text.docx`,
      '/desk/nowhere',
      '/desk/drafts/x/y/z',
    ];
    for (const path of paths) {
      const response = await chair.get(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.html).toContain('class="problem');
    }
    // Position forms are the secretariat's and the delegates': for them, an unknown state is a 404 too.
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    for (const path of [
      `/desk/drafts/${draftId}/positions/ZZZ`,
      `/desk/drafts/${draftId}/positions/12`,
      `/desk/drafts/${randomUUID()}/positions/AZE`,
    ]) {
      const response = await secretariat.get(path);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('answers forged form bodies with a page about the form, never 500', async () => {
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    const meetingId = await openMeeting(api, 'SOC');
    const cases: [string, Record<string, string | string[]>][] = [
      [`/desk/drafts/${draftId}/transitions`, { action: 'explode', etag: 'x', confirmed: 'yes' }],
      [`/desk/drafts/${draftId}/transitions`, { action: 'submit', confirmed: 'yes' }],
      [
        `/desk/drafts/${draftId}/transitions`,
        { action: ['submit', 'withdraw'], etag: 'x', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/transitions`,
        { action: 'adopt', etag: '"x.1"', meetingId: 'nope', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/positions/AZE`,
        { revision: 'one', stance: 'concur', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/positions/AZE`,
        { revision: '1', stance: 'maybe', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/positions/AZE`,
        { revision: '1', stance: 'reservation', paragraphs: ['nope'], text: 'x', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/revise`,
        { etag: 'x', preambleId: ['a', 'b'], preambleText: 'only one', confirmed: 'yes' },
      ],
      [
        `/desk/drafts/${draftId}/revise`,
        { etag: 'x', operativeText: 'New', operativeId: 'unknown-id', confirmed: 'yes' },
      ],
      [`/desk/meetings/${meetingId}/agenda/reorder`, { etag: 'x', itemId: 'not-a-uuid' }],
      [`/desk/meetings/${meetingId}/agenda/reorder`, { etag: '', itemId: randomUUID() }],
      [`/desk/meetings/${meetingId}/agenda`, { title: '' }],
      [`/desk/meetings/${meetingId}/agenda/${randomUUID()}`, { title: 'Renamed' }],
    ];
    for (const [path, form] of cases) {
      await secretariat.get(`/desk/drafts/${draftId}`);
      const response = await secretariat.post(path, form);
      expect([path, response.status < 500]).toEqual([path, true]);
      expect([path, response.status >= 400]).toEqual([path, true]);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.html).toContain('class="problem');
    }
  });
});
