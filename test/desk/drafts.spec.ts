import { putPosition, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, visibleText } from './support/desk-client';

describe('the draft page and its forms', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('shows the text with its paragraphs and brackets, the positions and the audit trail', async () => {
    const draft = await registerDraft(api, {
      preamble: [{ text: 'Recalling the 1999 Declaration on Principles,' }],
      operative: [
        { text: 'Welcome the [establishment of a fund].' },
        { text: 'Request the Secretariat to report.' },
      ],
    });
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'IND', {
      stance: 'objection',
      text: 'The fund prejudges the budget.',
    });
    const desk = new DeskClient(api);
    await desk.signIn('soc-chair@demo.local');
    const page = await desk.get(`/desk/drafts/${draft.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<mark class="bracket">[establishment of a fund]</mark>');
    expect(page.html).toMatch(
      /<ol class="operative">[\s\S]*Welcome the[\s\S]*Request the Secretariat/,
    );
    const text = visibleText(page.html);
    expect(text).toContain('PP 1 Recalling the 1999 Declaration on Principles,');
    expect(text).toContain('India IND O objection The fund prejudges the budget.');
    expect(text).toContain('Declare consensus Not possible now.');
    expect(text).toContain('Audit trail');
    expect(page.html).toMatch(
      /<button type="submit" class="button-primary" data-action="declare-consensus" disabled/,
    );
  });
});
