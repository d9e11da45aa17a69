import { AuthService } from '../../apps/api/src/auth/auth.service';
import { RegisterDraftService } from '../../apps/api/src/drafts/use-cases/register-draft.service';
import {
  delegateOf,
  everyoneConcurs,
  openMeeting,
  putPosition,
  registerDraft,
  transition,
} from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, fieldValue, visibleText } from './support/desk-client';

/** Sends one of the draft page's action forms, confirmed, as the browser would. */
async function act(desk: DeskClient, draftId: string, path: string, form: Record<string, string>) {
  const page = await desk.get(`/desk/drafts/${draftId}`);
  return desk.post(`/desk/drafts/${draftId}/${path}`, {
    etag: fieldValue(page.html, 'etag'),
    confirmed: 'yes',
    ...form,
  });
}

describe('the rest of a draft’s life from the desk', () => {
  let api: TestApp;
  let chair: DeskClient;
  beforeAll(async () => {
    api = await startTestApp();
    chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
  });
  afterAll(() => api.close());

  it('shows a draft without text, and an earlier revision of one with several', async () => {
    // Registered without text (through the service: the API's schema always sends some).
    const registration = api.app.get(RegisterDraftService);
    const { principal } = await api.app
      .get(AuthService)
      .login('secretariat@demo.local', 'demo', '127.0.0.1');
    const empty = await registration.execute(principal, {
      type: 'statement',
      title: 'Statement to be drafted',
      adoptingBodyCode: 'CFM',
      penholder: 'KAZ',
      language: 'en',
    });
    const page = await chair.get(`/desk/drafts/${empty.id}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain('No revision has been circulated yet.');

    const draft = await registerDraft(api);
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    const form = await secretariat.get(`/desk/drafts/${draft.id}/revise`);
    await secretariat.post(`/desk/drafts/${draft.id}/revise`, {
      etag: fieldValue(form.html, 'etag'),
      operativeId: '',
      operativeText: 'Decide to meet again.',
      confirmed: 'yes',
    });
    const earlier = await chair.get(`/desk/drafts/${draft.id}?revision=1`);
    expect(earlier.status).toBe(200);
    const text = visibleText(earlier.html);
    expect(text).toContain('Text of revision 1');
    expect(text).toContain('This is an earlier revision.');
    expect(text).toContain('Reaffirm our commitment to dialogue;');
    expect(visibleText((await chair.get(`/desk/drafts/${draft.id}`)).html)).toContain(
      'Decide to meet again.',
    );
  });

  it('lets the chair start a silence procedure, which the dashboard counts down', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000 + 5 * 3600 * 1000)
      .toISOString()
      .slice(0, 16);
    const asked = await act(chair, draft.id, 'silence', { deadline, confirmed: '' });
    expect(visibleText(asked.html)).toMatch(
      /Start a silence procedure until \d+ \w+ \d{4}, \d\d:\d\d UTC\?/,
    );
    const started = await act(chair, draft.id, 'silence', { deadline });
    expect(started.status).toBe(303);
    const page = visibleText((await chair.get(started.location!)).html);
    expect(page).toContain('The silence procedure has started.');
    expect(page).toContain('Silence procedure (running)');
    const dashboard = await chair.get('/desk');
    const row = new RegExp(`<tr data-draft="${draft.id}">[\\s\\S]*?</tr>`).exec(dashboard.html)![0];
    expect(row).toContain(`datetime="${deadline}:00.000Z"`);
    expect(visibleText(row)).toMatch(/3 d (4|5) h left/);

    const tooFar = await registerDraft(api);
    await transition(api, tooFar.id, 'secretariat@demo.local', { action: 'submit' });
    const refused = await act(chair, tooFar.id, 'silence', { deadline: '2099-01-01T00:00' });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('data-problem-code="SILENCE_DEADLINE_TOO_FAR"');
  });

  it('lets the CFM chair record the adoption at a meeting chosen on the page, and the SOC chair reopen review', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    expect(
      (await act(chair, draft.id, 'transitions', { action: 'declare-consensus' })).status,
    ).toBe(303);

    const reopenedWithout = await act(chair, draft.id, 'transitions', { action: 'reopen' });
    expect(reopenedWithout.status).toBe(422);
    expect(reopenedWithout.html).toContain('data-problem-code="REASON_REQUIRED"');

    const meetingId = await openMeeting(api, 'CFM');
    const cfmChair = new DeskClient(api);
    await cfmChair.signIn('cfm-chair@demo.local');
    const page = await cfmChair.get(`/desk/drafts/${draft.id}`);
    expect(page.html).toContain('data-action="adopt"');
    expect(page.html).toContain(`<option value="${meetingId}">`);
    const adopted = await act(cfmChair, draft.id, 'transitions', { action: 'adopt', meetingId });
    expect(adopted.status).toBe(303);
    const after = visibleText((await cfmChair.get(adopted.location!)).html);
    expect(after).toContain('The adoption was recorded.');
    expect(after).toMatch(/Adopted on .* at \d+\w\w CFM/);
    expect(after).toContain('There is nothing for you to do on this draft at present.');

    const other = await registerDraft(api);
    await transition(api, other.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, other.id);
    await act(chair, other.id, 'transitions', { action: 'declare-consensus' });
    const reopened = await act(chair, other.id, 'transitions', {
      action: 'reopen',
      reason: 'Kazakhstan asked for time',
    });
    expect(reopened.status).toBe(303);
    const trail = visibleText((await chair.get(reopened.location!)).html);
    expect(trail).toContain('Review was reopened.');
    expect(trail).toContain('reason Kazakhstan asked for time');
  });

  it('names the delegations that have not answered in the refusal the chair reads', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id, ['VNM']);
    const refused = await act(chair, draft.id, 'transitions', { action: 'declare-consensus' });
    expect(refused.status).toBe(409);
    expect(visibleText(refused.html)).toContain('Not answered VNM');
    await putPosition(
      api,
      draft.id,
      'VNM',
      { stance: 'reservation', text: 'On OP 2.' },
      delegateOf('VNM'),
    );
    expect(
      (await act(chair, draft.id, 'transitions', { action: 'declare-consensus' })).status,
    ).toBe(303);
  });
});
