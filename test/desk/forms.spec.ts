import { ConsensusDto, DraftDto, RevisionDto } from '../../apps/api/src/drafts/drafts.dto';
import {
  addRevision,
  delegateOf,
  memberStateCodes,
  putPosition,
  registerDraft,
  transition,
} from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, fieldValue, visibleText } from './support/desk-client';

const etagOf = (html: string) => fieldValue(html, 'etag');

describe('desk forms: confirmation, refusals and stale pages', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('asks for confirmation on a page when the browser runs no script, then acts', async () => {
    const draft = await registerDraft(api);
    const desk = new DeskClient(api);
    await desk.signIn('secretariat@demo.local');
    const page = await desk.get(`/desk/drafts/${draft.id}`);
    const form = { action: 'submit', etag: etagOf(page.html), confirmed: '' };

    const asked = await desk.post(`/desk/drafts/${draft.id}/transitions`, form);
    expect(asked.status).toBe(200);
    expect(visibleText(asked.html)).toContain('Submit this draft for review by member states?');
    expect(asked.html).toContain('name="action" value="submit"');
    expect(asked.html).toContain('name="confirmed" value="yes"');
    const before = await api.request('GET', `/api/drafts/${draft.id}`, {
      token: await api.login('admin@demo.local'),
      as: DraftDto.schema,
    });
    expect(before.body.status).toBe('PROPOSED');

    const done = await desk.post(`/desk/drafts/${draft.id}/transitions`, {
      ...form,
      confirmed: 'yes',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/desk/drafts/${draft.id}?done=submit`);
    const after = await desk.get(done.location!);
    expect(visibleText(after.html)).toContain('The draft was submitted for review.');
    expect(visibleText(after.html)).toContain('Under review');
  });

  it('shows a refused action on the draft page with the facts of the problem', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'IND', {
      stance: 'objection',
      text: 'Paragraph 2 prejudges the budget.',
    });
    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    const page = await chair.get(`/desk/drafts/${draft.id}`);
    const refused = await chair.post(`/desk/drafts/${draft.id}/transitions`, {
      action: 'declare-consensus',
      etag: etagOf(page.html),
      confirmed: 'yes',
    });
    expect(refused.status).toBe(409);
    const text = visibleText(refused.html);
    expect(refused.html).toContain('data-problem-code="CONSENSUS_NOT_REACHED"');
    expect(text).toContain('Consensus has not been reached');
    expect(text).toContain('Objections IND — Paragraph 2 prejudges the budget.');
    expect(text).toMatch(/Not answered AFG, ARE, AZE/);
    // The page below the message is the draft itself, as it stands.
    expect(text).toContain('Positions of member states on revision 1');
  });

  it('says clearly when someone changed the draft since the page was opened', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const chair = new DeskClient(api);
    await chair.signIn('soc-chair@demo.local');
    const opened = await chair.get(`/desk/drafts/${draft.id}`);
    const staleEtag = etagOf(opened.html);
    // A new text changes the draft; a position would not (it binds to its revision).
    await putPosition(api, draft.id, 'AZE', { stance: 'concur' });
    expect(etagOf((await chair.get(`/desk/drafts/${draft.id}`)).html)).toBe(staleEtag);
    await addRevision(api, draft.id, { operative: [{ text: 'Reaffirm our commitment.' }] });

    const stale = await chair.post(`/desk/drafts/${draft.id}/transitions`, {
      action: 'declare-consensus',
      etag: staleEtag,
      confirmed: 'yes',
    });
    expect(stale.status).toBe(412);
    const text = visibleText(stale.html);
    expect(text).toContain('Someone changed this draft since you opened it');
    expect(text).toContain('Your change was not applied.');
    expect(stale.html).toContain('data-problem-code="STALE_VERSION"');
    expect(etagOf(stale.html)).not.toBe(staleEtag);
    expect(text).toContain('Positions of member states on revision 2');
  });

  it('refuses a position form filled in on a revision that is no longer current', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const delegate = new DeskClient(api);
    await delegate.signIn('delegate.tjk@demo.local');
    const form = await delegate.get(`/desk/drafts/${draft.id}/positions/TJK`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="revision" value="1"');
    await addRevision(api, draft.id, {
      operative: [{ text: 'Reaffirm our commitment to dialogue and cooperation.' }],
    });

    const stale = await delegate.post(`/desk/drafts/${draft.id}/positions/TJK`, {
      revision: '1',
      stance: 'concur',
      confirmed: 'yes',
    });
    expect(stale.status).toBe(412);
    expect(visibleText(stale.html)).toContain(
      'A new revision (2) was circulated after you opened this form on revision 1.',
    );
    expect(stale.html).toContain('name="revision" value="2"');

    const recorded = await delegate.post(`/desk/drafts/${draft.id}/positions/TJK`, {
      revision: '2',
      stance: 'reservation',
      text: 'Tajikistan reads "cooperation" as voluntary.',
      confirmed: 'yes',
    });
    expect(recorded.status).toBe(303);
    const page = await delegate.get(recorded.location!);
    expect(visibleText(page.html)).toContain(
      'Tajikistan TJK R reservation Tajikistan reads "cooperation" as voluntary.',
    );
  });

  it('keeps what the official wrote when the domain refuses the position', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const delegate = new DeskClient(api);
    await delegate.signIn('delegate.mng@demo.local');
    await delegate.get(`/desk/drafts/${draft.id}/positions/MNG`);
    const refused = await delegate.post(`/desk/drafts/${draft.id}/positions/MNG`, {
      revision: '1',
      stance: 'objection',
      text: '',
      confirmed: 'yes',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('data-problem-code="STANCE_TEXT_REQUIRED"');
    expect(refused.html).toMatch(/id="stance-objection"[^>]*checked/);
  });

  it('records a position for a state on its behalf when the secretariat receives a note verbale', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    const page = await secretariat.get(`/desk/drafts/${draft.id}`);
    expect([...page.html.matchAll(/\/positions\/[A-Z]{3}"/g)]).toHaveLength(28);
    const form = await secretariat.get(`/desk/drafts/${draft.id}/positions/KWT`);
    expect(visibleText(form.html)).toContain(
      'You record it on behalf of Kuwait, as received by note verbale.',
    );
    const done = await secretariat.post(`/desk/drafts/${draft.id}/positions/KWT`, {
      revision: '1',
      stance: 'concur',
      confirmed: 'yes',
    });
    expect(done.status).toBe(303);
    expect(visibleText((await secretariat.get(done.location!)).html)).toMatch(
      /Kuwait KWT C concur .* \(note verbale\)/,
    );
  });

  it('circulates a new revision from the form, keeping paragraph identities', async () => {
    const draft = await registerDraft(api);
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    const form = await secretariat.get(`/desk/drafts/${draft.id}/revise`);
    const ids = [...form.html.matchAll(/name="operativeId" value="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3); // two paragraphs and an empty slot for a new one
    const preambleId = fieldValue(form.html, 'preambleId');
    const posted = await secretariat.post(`/desk/drafts/${draft.id}/revise`, {
      etag: etagOf(form.html),
      title: 'Statement on confidence building in the region',
      preambleId: [preambleId, ''],
      preambleText: [
        'Recalling the Declaration on Principles Guiding Relations among Member States,',
        '',
      ],
      operativeId: ids,
      operativeText: ['Reaffirm our commitment to dialogue;', '', 'Welcome the [new initiative].'],
      note: 'OP 2 deleted, OP 3 added',
      confirmed: 'yes',
    });
    expect(posted.status).toBe(303);
    const revision = await api.request('GET', `/api/drafts/${draft.id}/revisions/2`, {
      token: await api.login('admin@demo.local'),
      as: RevisionDto.schema,
    });
    expect(revision.body.operative.map((p) => p.id)[0]).toBe(ids[0]);
    expect(revision.body.operative.map((p) => p.text)).toEqual([
      'Reaffirm our commitment to dialogue;',
      'Welcome the [new initiative].',
    ]);
    expect(revision.body.note).toBe('OP 2 deleted, OP 3 added');

    const compare = await secretariat.get(`/desk/drafts/${draft.id}/compare?from=1&to=2`);
    expect(compare.status).toBe(200);
    expect(compare.html).toContain('<del>Decide that the Secretariat shall report annually.</del>');
    expect(compare.html).toContain('<ins>Welcome the [new initiative].</ins>');
  });

  it('takes the positions of 28 delegations sent at the same moment, none refused as stale', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const codes = await memberStateCodes(api);
    const delegations = await Promise.all(
      codes.map(async (code) => {
        const desk = new DeskClient(api);
        await desk.signIn(delegateOf(code));
        await desk.get(`/desk/drafts/${draft.id}/positions/${code}`);
        return { code, desk };
      }),
    );
    const responses = await Promise.all(
      delegations.map(({ code, desk }) =>
        desk.post(`/desk/drafts/${draft.id}/positions/${code}`, {
          revision: '1',
          stance: 'concur',
          confirmed: 'yes',
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(codes.map(() => 303));
    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body.concurred).toHaveLength(28);
  });
});
