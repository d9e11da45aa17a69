import { Client } from 'pg';
import { addRevision, everyoneConcurs, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient } from './support/desk-client';

/** The queries one desk page issues, counted at the driver (BEGIN and COMMIT included). */
async function queriesOf(desk: DeskClient, path: string): Promise<string[]> {
  const issued: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its own client below
  const original = Client.prototype.query;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const text: unknown = args[0];
    issued.push(typeof text === 'string' ? text : JSON.stringify(text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  });
  try {
    const page = await desk.get(path);
    expect(page.status).toBe(200);
  } finally {
    spy.mockRestore();
  }
  return issued;
}

describe('the desk page of a draft', () => {
  let api: TestApp;
  let desk: DeskClient;
  beforeAll(async () => {
    // The silence poller shares the pool: once a minute, it cannot fall into the count.
    api = await startTestApp({ env: { JOB_POLL_MS: '60000' } });
    desk = new DeskClient(api);
    await desk.signIn('soc-chair@demo.local');
  });
  afterAll(() => api.close());

  it('issues a fixed, small number of queries, whatever the draft holds', async () => {
    const small = await registerDraft(api);
    const large = await registerDraft(api);
    await transition(api, large.id, 'secretariat@demo.local', { action: 'submit' });
    for (let n = 0; n < 3; n += 1)
      await addRevision(api, large.id, { operative: [{ text: `Paragraph ${n}.` }] });
    expect(await everyoneConcurs(api, large.id)).toEqual(Array(28).fill(200));

    await desk.get(`/desk/drafts/${small.id}`);
    const forSmall = await queriesOf(desk, `/desk/drafts/${small.id}`);
    const forLarge = await queriesOf(desk, `/desk/drafts/${large.id}`);
    expect(forLarge.length).toBe(forSmall.length);
    // The session's principal (with its unread notices) and its revocation check, then one
    // read-only transaction: its three statements, the snapshot (draft, revision, positions,
    // silence, member states), revisions, amendments, audit, meetings, the language versions of
    // the current revision, commit.
    expect(forLarge.length).toBeLessThanOrEqual(16);
    // One snapshot: the draft row is read once.
    expect(forLarge.filter((q) => /FROM drafts d\s+JOIN bodies ab/.test(q))).toHaveLength(1);
  });
});
