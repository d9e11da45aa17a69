import {
  AgendaItemDto,
  MeetingDto,
  MeetingWithAgendaDto,
} from '../apps/api/src/meetings/meetings.dto';
import { expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';

const newMeeting = {
  bodyCode: 'SOC',
  title: 'Meeting of the Senior Officials Committee',
  titleRu: 'Заседание Комитета старших должностных лиц',
  startsOn: '2027-03-10',
  endsOn: '2027-03-11',
  venue: 'Baku',
  format: 'hybrid',
  chair: 'Deputy Minister of Foreign Affairs',
  coChairs: ['Executive Director of the Secretariat'],
};

describe('meetings', () => {
  let api: TestApp;
  let secretariat: string;
  beforeAll(async () => {
    api = await startTestApp();
    secretariat = await api.login('secretariat@demo.local');
  });
  afterAll(() => api.close());

  it('lists the demo meetings, including the 7th CFM of 17 December 2024 with its agenda', async () => {
    const token = await api.login('observer@demo.local');
    const list = await api.request('GET', '/api/meetings?bodyCode=CFM', {
      token,
      as: MeetingDto.schema.array(),
    });
    expect(list.status).toBe(200);
    const cfm = list.body.find((m) => m.sequence === 7);
    expect(cfm).toMatchObject({ bodyCode: 'CFM', startsOn: '2024-12-17' });

    const detail = await api.request('GET', `/api/meetings/${cfm!.id}`, {
      token,
      as: MeetingWithAgendaDto.schema,
    });
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe(detail.body.etag);
    expect(detail.body.agenda.length).toBeGreaterThanOrEqual(5);
    expect(detail.body.agenda.map((item) => item.number)).toEqual(
      detail.body.agenda.map((_, index) => index + 1),
    );
  });

  it('lets the secretariat create a meeting, numbered after the last one of its body', async () => {
    const before = await api.request('GET', '/api/meetings?bodyCode=SOC', {
      token: secretariat,
      as: MeetingDto.schema.array(),
    });
    const highest = Math.max(...before.body.map((m) => m.sequence));
    const created = await api.request('POST', '/api/meetings', {
      token: secretariat,
      body: newMeeting,
      as: MeetingWithAgendaDto.schema,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bodyCode: 'SOC',
      sequence: highest + 1,
      status: 'planned',
      agenda: [],
    });
    expect(created.headers.get('location')).toBe(`/api/meetings/${created.body.id}`);

    const duplicate = await api.request('POST', '/api/meetings', {
      token: secretariat,
      body: { ...newMeeting, sequence: highest + 1 },
    });
    expect(expectProblem(duplicate, 409).field).toBe('sequence');
  });

  it('refuses bad meeting input with the field at fault', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...newMeeting, endsOn: '2027-03-01' }, 400, 'endsOn'],
      [{ ...newMeeting, startsOn: '10 March 2027' }, 400, 'startsOn'],
      [{ ...newMeeting, format: 'carrier pigeon' }, 400, 'format'],
      [{ ...newMeeting, sequence: 'seven' }, 400, 'sequence'],
      [{ ...newMeeting, bodyCode: 'UNGA' }, 422, 'bodyCode'],
      [{ ...newMeeting, colour: 'blue' }, 400, '(body)'],
    ];
    for (const [body, status, field] of cases) {
      const response = await api.request('POST', '/api/meetings', { token: secretariat, body });
      expect(expectProblem(response, status).field).toBe(field);
    }
  });

  it('forbids meeting changes to other roles and names the role needed', async () => {
    for (const email of [
      'delegate.kaz@demo.local',
      'observer@demo.local',
      'soc-chair@demo.local',
    ]) {
      const response = await api.request('POST', '/api/meetings', {
        token: await api.login(email),
        body: newMeeting,
      });
      expect(expectProblem(response, 403, 'ROLE_REQUIRED').detail).toContain('secretariat');
    }
    expectProblem(await api.request('POST', '/api/meetings', { body: newMeeting }), 401);
  });

  it('answers 404 for an unknown or malformed meeting id', async () => {
    for (const id of [
      '00000000-0000-4000-8000-000000000000',
      'not-an-id',
      '1;DROP TABLE meetings',
    ]) {
      const response = await api.request('GET', `/api/meetings/${encodeURIComponent(id)}`, {
        token: secretariat,
      });
      expectProblem(response, 404);
    }
  });

  it('patches a meeting, guarded by If-Match', async () => {
    const created = await api.request('POST', '/api/meetings', {
      token: secretariat,
      body: newMeeting,
      as: MeetingWithAgendaDto.schema,
    });
    const etag = created.headers.get('etag')!;
    const changed = await api.request('PATCH', `/api/meetings/${created.body.id}`, {
      token: secretariat,
      body: { venue: 'Astana', status: 'convened' },
      headers: { 'if-match': etag },
      as: MeetingWithAgendaDto.schema,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ venue: 'Astana', status: 'convened' });
    expect(changed.headers.get('etag')).not.toBe(etag);

    const stale = await api.request('PATCH', `/api/meetings/${created.body.id}`, {
      token: secretariat,
      body: { venue: 'Dushanbe' },
      headers: { 'if-match': etag },
    });
    expectProblem(stale, 412);
    const outOfOrder = await api.request('PATCH', `/api/meetings/${created.body.id}`, {
      token: secretariat,
      body: { endsOn: '2027-01-01' },
    });
    expect(expectProblem(outOfOrder, 422).field).toBe('endsOn');
    const empty = await api.request('PATCH', `/api/meetings/${created.body.id}`, {
      token: secretariat,
      body: {},
    });
    expectProblem(empty, 400);
  });
});

describe('agenda items', () => {
  let api: TestApp;
  let secretariat: string;
  let meetingId: string;

  async function agendaTitles(): Promise<string[]> {
    const items = await agendaItems();
    items.forEach((item, index) => expect(item.number).toBe(index + 1));
    return items.map((item) => item.title);
  }

  async function agendaItems() {
    const response = await api.request('GET', `/api/meetings/${meetingId}/agenda-items`, {
      token: secretariat,
      as: AgendaItemDto.schema.array(),
    });
    return response.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    secretariat = await api.login('secretariat@demo.local');
    const created = await api.request('POST', '/api/meetings', {
      token: secretariat,
      body: newMeeting,
      as: MeetingWithAgendaDto.schema,
    });
    meetingId = created.body.id;
  });
  afterAll(() => api.close());

  it('adds items at the end or at a number, edits and deletes them, keeping 1..n', async () => {
    for (const title of ['Opening', 'Adoption of the agenda', 'Any other business']) {
      const response = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
        token: secretariat,
        body: { title, annotation: `About ${title}` },
        as: AgendaItemDto.schema,
      });
      expect(response.status).toBe(201);
    }
    const inserted = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
      token: secretariat,
      body: { title: 'Draft statement', number: 3 },
      as: AgendaItemDto.schema,
    });
    expect(inserted.body.number).toBe(3);
    expect(await agendaTitles()).toEqual([
      'Opening',
      'Adoption of the agenda',
      'Draft statement',
      'Any other business',
    ]);

    const edited = await api.request(
      'PATCH',
      `/api/meetings/${meetingId}/agenda-items/${inserted.body.id}`,
      {
        token: secretariat,
        body: { title: 'Draft statement of the Council', titleRu: 'Проект заявления Совета' },
        as: AgendaItemDto.schema,
      },
    );
    expect(edited.body).toMatchObject({ number: 3, titleRu: 'Проект заявления Совета' });

    const removed = await api.request(
      'DELETE',
      `/api/meetings/${meetingId}/agenda-items/${inserted.body.id}`,
      {
        token: secretariat,
      },
    );
    expect(removed.status).toBe(204);
    expect(await agendaTitles()).toEqual([
      'Opening',
      'Adoption of the agenda',
      'Any other business',
    ]);

    const beyond = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
      token: secretariat,
      body: { title: 'Far away', number: 9 },
    });
    expect(expectProblem(beyond, 422).field).toBe('number');
  });

  it('refuses links to drafts that do not exist and items of another meeting', async () => {
    const badDraft = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
      token: secretariat,
      body: { title: 'Item', draftIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(expectProblem(badDraft, 422).field).toBe('draftIds');

    const other = await api.request('GET', '/api/meetings?bodyCode=CFM', {
      token: secretariat,
      as: MeetingDto.schema.array(),
    });
    const otherAgenda = await api.request('GET', `/api/meetings/${other.body[0].id}/agenda-items`, {
      token: secretariat,
      as: AgendaItemDto.schema.array(),
    });
    const foreignItem = otherAgenda.body[0].id;
    const response = await api.request(
      'PATCH',
      `/api/meetings/${meetingId}/agenda-items/${foreignItem}`,
      {
        token: secretariat,
        body: { title: 'Hijacked' },
      },
    );
    expectProblem(response, 404);
  });

  it('reorders the agenda, and refuses a list that is not the whole agenda', async () => {
    const items = await agendaItems();
    const reversed = [...items].reverse().map((item) => item.id);
    const response = await api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
      token: secretariat,
      body: { itemIds: reversed },
      as: MeetingWithAgendaDto.schema,
    });
    expect(response.status).toBe(200);
    expect(response.body.agenda.map((item) => item.id)).toEqual(reversed);

    const partial = await api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
      token: secretariat,
      body: { itemIds: reversed.slice(1) },
    });
    expectProblem(partial, 422);
    const repeated = await api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
      token: secretariat,
      body: { itemIds: [reversed[0], ...reversed.slice(0, -1)] },
    });
    expectProblem(repeated, 422);
  });

  it('keeps numbering consistent when many officials reorder at the same moment', async () => {
    for (let i = 0; i < 5; i += 1) {
      await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
        token: secretariat,
        body: { title: `Item ${i}` },
      });
    }
    const items = (await agendaItems()).map((item) => item.id);
    const permutations = Array.from({ length: 12 }, (_, k) =>
      items.map((_, i) => items[(i + k) % items.length]),
    );
    const responses = await Promise.all(
      permutations.map((itemIds) =>
        api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
          token: secretariat,
          body: { itemIds },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(permutations.map(() => 200));
    const final = await agendaItems();
    expect(final.map((item) => item.number)).toEqual(items.map((_, i) => i + 1));
    expect(permutations).toContainEqual(final.map((item) => item.id));
  });

  it('refuses a reorder made from a stale read', async () => {
    const meeting = await api.request('GET', `/api/meetings/${meetingId}`, {
      token: secretariat,
      as: MeetingWithAgendaDto.schema,
    });
    const ids = meeting.body.agenda.map((item) => item.id);
    await api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
      token: secretariat,
      body: { itemIds: [...ids].reverse() },
      headers: { 'if-match': meeting.headers.get('etag')! },
    });
    const second = await api.request('POST', `/api/meetings/${meetingId}/agenda-items/reorder`, {
      token: secretariat,
      body: { itemIds: ids },
      headers: { 'if-match': meeting.headers.get('etag')! },
    });
    expectProblem(second, 412);
  });

  it('forbids agenda changes to a delegate', async () => {
    const response = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
      token: await api.login('delegate.ind@demo.local'),
      body: { title: 'Our item' },
    });
    expectProblem(response, 403);
  });
});
