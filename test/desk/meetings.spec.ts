import { AgendaItemDto, MeetingWithAgendaDto } from '../../apps/api/src/meetings/meetings.dto';
import mammoth from 'mammoth';
import { registerDraft } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, fieldValue, links, visibleText } from './support/desk-client';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('meetings and documents on the desk', () => {
  let api: TestApp;
  let secretariat: DeskClient;
  let meetingId: string;
  const items: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    const token = await api.login('secretariat@demo.local');
    const meeting = await api.request('POST', '/api/meetings', {
      token,
      body: {
        bodyCode: 'CFM',
        title: 'Eighth Meeting of the Council of Ministers',
        startsOn: '2027-10-04',
        endsOn: '2027-10-04',
        format: 'in-person',
        venue: 'Baku',
      },
      as: MeetingWithAgendaDto.schema,
    });
    meetingId = meeting.body.id;
    for (const title of ['Opening', 'Adoption of the agenda', 'Any other business']) {
      items.push(
        (
          await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
            token,
            body: { title },
            as: AgendaItemDto.schema,
          })
        ).body.id,
      );
    }
    secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
  });
  afterAll(() => api.close());

  it('lists the meetings and shows one with its agenda and documents', async () => {
    const list = await secretariat.get('/desk/meetings');
    expect(list.html).toContain(`href="/desk/meetings/${meetingId}"`);
    const page = await secretariat.get(`/desk/meetings/${meetingId}`);
    const text = visibleText(page.html);
    expect(text).toContain('Eighth Meeting of the Council of Ministers');
    expect(text).toContain('1. Opening');
    expect(text).toContain('3. Any other business');
    for (const name of ['provisional-agenda', 'annotated-agenda', 'list-of-documents']) {
      expect(links(page.html)).toContain(
        `/desk/meetings/${meetingId}/documents/${name}.docx?lang=en`,
      );
      expect(links(page.html)).toContain(
        `/desk/meetings/${meetingId}/documents/${name}.docx?lang=ru`,
      );
    }
  });

  it('edits an item, and removes one after confirming', async () => {
    const edited = await secretariat.post(`/desk/meetings/${meetingId}/agenda/${items[0]}`, {
      title: 'Opening of the meeting',
      annotation: 'The Chair opens the meeting.',
    });
    expect(edited.status).toBe(303);
    const page = visibleText((await secretariat.get(edited.location!)).html);
    expect(page).toContain('The agenda item was saved.');
    expect(page).toContain('1. Opening of the meeting');
    expect(page).toContain('The Chair opens the meeting.');

    const asked = await secretariat.post(`/desk/meetings/${meetingId}/agenda/${items[2]}/remove`, {
      confirmed: '',
    });
    expect(asked.status).toBe(200);
    expect(visibleText(asked.html)).toContain(
      'Remove item 3, “Any other business”, from the agenda',
    );
    const removed = await secretariat.post(
      `/desk/meetings/${meetingId}/agenda/${items[2]}/remove`,
      { confirmed: 'yes' },
    );
    expect(removed.status).toBe(303);
    expect(visibleText((await secretariat.get(removed.location!)).html)).not.toContain(
      'Any other business',
    );
  });

  it('says when the agenda changed since the page was opened', async () => {
    const page = await secretariat.get(`/desk/meetings/${meetingId}`);
    const etag = fieldValue(page.html, 'etag');
    await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
      token: await api.login('secretariat@demo.local'),
      body: { title: 'Date and venue of the next meeting' },
    });
    const stale = await secretariat.post(`/desk/meetings/${meetingId}/agenda/reorder`, {
      etag,
      itemId: [items[1], items[0]],
    });
    expect(stale.status).toBe(412);
    expect(visibleText(stale.html)).toContain('Someone changed this meeting since you opened it');
    expect(visibleText(stale.html)).toContain('3. Date and venue of the next meeting');
  });

  it('downloads the Word documents with the session cookie, and sends a stranger to sign in', async () => {
    const agenda = await secretariat.get(
      `/desk/meetings/${meetingId}/documents/provisional-agenda.docx?lang=en`,
    );
    expect(agenda.status).toBe(200);
    expect(agenda.headers.get('content-type')).toBe(DOCX);
    expect(agenda.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);

    const draft = await registerDraft(api);
    const text = await secretariat.get(
      `/desk/drafts/${draft.id}/documents/text.docx?revision=1&lang=en`,
    );
    expect(text.status).toBe(200);
    const bytes = await fetch(
      `${api.baseUrl}/desk/drafts/${draft.id}/documents/text.docx?lang=en`,
      {
        headers: {
          cookie: `__Host-chancery-session=${secretariat.cookie('__Host-chancery-session')}`,
        },
      },
    );
    const buffer = Buffer.from(await bytes.arrayBuffer());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await mammoth.extractRawText({ buffer })).value).toContain(
      'Reaffirm our commitment to dialogue;',
    );
    expect(
      (await secretariat.get(`/desk/drafts/${draft.id}/documents/consensus-report.docx`)).status,
    ).toBe(200);
    const badLanguage = await secretariat.get(
      `/desk/drafts/${draft.id}/documents/text.docx?lang=fr`,
    );
    // Not a working language of the forum: no such document.
    expect(badLanguage.status).toBe(404);
    expect(badLanguage.headers.get('content-type')).toContain('text/html');

    const stranger = new DeskClient(api);
    const refused = await stranger.get(
      `/desk/meetings/${meetingId}/documents/provisional-agenda.docx?lang=en`,
    );
    expect(refused.status).toBe(303);
    expect(refused.location).toMatch(/^\/desk\/login\?next=/);
  });
});
