import { putPosition, registerDraft, transition } from '../support/drafts';
import { type EventStreamClient, openEventStream } from '../support/event-stream';
import { type TestApp, startTestApp } from '../support/test-app';

let first: TestApp;
let second: TestApp;
let draftId: string;
const streams: EventStreamClient[] = [];

async function stream(api: TestApp, headers: Record<string, string> = {}) {
  const token = await api.login('soc-chair@demo.local');
  const opened = await openEventStream(`${api.baseUrl}/api/events`, {
    authorization: `Bearer ${token}`,
    ...headers,
  });
  streams.push(opened);
  return opened;
}

beforeAll(async () => {
  first = await startTestApp();
  second = await startTestApp({ databaseUrl: first.databaseUrl });
  draftId = (await registerDraft(first)).id;
  await transition(first, draftId, 'secretariat@demo.local', { action: 'submit' });
});

afterAll(async () => {
  // Streams still open: shutting down must end them rather than wait for them.
  await second?.close();
  await first?.close();
  streams.forEach((opened) => opened.close());
});

const positionOf = (state: string) => (event: { data: Record<string, unknown> }) =>
  event.data.type === 'position' &&
  event.data.draftId === draftId &&
  event.data.stateCode === state;

describe('the live desk across instances', () => {
  it('streams a position recorded on one instance to a page following the other, within a second', async () => {
    const following = await stream(second);
    expect(following.status).toBe(200);
    expect(following.contentType).toMatch(/^text\/event-stream/);

    expect((await putPosition(first, draftId, 'KAZ', { stance: 'concur' })).status).toBe(200);
    const event = await following.next(positionOf('KAZ'), 1000);
    expect(event.id).toMatch(/^\d+$/);
    expect(event.data).toEqual({
      id: event.id,
      type: 'position',
      draftId,
      revision: 1,
      stateCode: 'KAZ',
      stance: 'concur',
    });
  });

  it('resumes a dropped stream with what it missed, in order, from Last-Event-ID', async () => {
    const following = await stream(second);
    await putPosition(first, draftId, 'MNG', { stance: 'concur' });
    const seen = await following.next(positionOf('MNG'));
    following.close();

    // While the page is away, two more delegations answer (on the other instance).
    await putPosition(first, draftId, 'PAK', {
      stance: 'reservation',
      text: 'Pakistan reserves its position on paragraph 2.',
    });
    await putPosition(first, draftId, 'IND', { stance: 'concur' });

    const resumed = await stream(second, { 'last-event-id': seen.id });
    const missed = await resumed.next(positionOf('IND'));
    const states = resumed.events.map((event) => event.data.stateCode);
    expect(states.slice(0, 2)).toEqual(['PAK', 'IND']);
    expect(Number(missed.id)).toBeGreaterThan(Number(seen.id));
    // Nothing the page had already seen comes again.
    expect(resumed.events.map((event) => event.id)).not.toContain(seen.id);
  });

  it('tells the status of a draft as it changes', async () => {
    const following = await stream(first);
    const other = (await registerDraft(second)).id;
    await transition(second, other, 'secretariat@demo.local', { action: 'submit' });
    const event = await following.next((e) => e.data.draftId === other && e.data.type === 'status');
    expect(event.data.status).toBe('UNDER_SOC_REVIEW');
  });

  it('refuses a stream without a token, and a Last-Event-ID that is not an event id', async () => {
    const anonymous = await openEventStream(`${first.baseUrl}/api/events`, {});
    expect(anonymous.status).toBe(401);
    const wrong = await stream(first, { 'last-event-id': 'yesterday' });
    expect(wrong.status).toBe(400);
  });
});
