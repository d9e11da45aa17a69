import { PrincipalRepository } from '../../apps/api/src/auth/principal.repository';
import { RecordPositionService } from '../../apps/api/src/drafts/use-cases/record-position.service';
import { delegateOf, memberStateCodes, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { type Chromium, launchChromium, screenshot, signIn, signOut } from './support/chromium';
import { expectAccessible } from './support/accessibility';

describe('from an objection to consensus, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let draftId: string;
  let symbol: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
    const draft = await registerDraft(api, {
      title: 'Statement on connectivity and transport corridors in Asia',
      preamble: [
        {
          text: 'Recalling the 1999 Declaration on Principles Guiding Relations among Member States,',
        },
      ],
      operative: [
        { text: 'Welcome the [establishment of a CICA fund for connectivity];' },
        {
          text: 'Request the Secretariat to report to the next meeting of the Senior Officials Committee.',
        },
      ],
    });
    draftId = draft.id;
    symbol = draft.body.symbol;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('lets a delegate find the draft awaiting their position and record an objection', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'delegate.ind@demo.local');
    expect(new URL(page.url()).pathname).toBe('/desk/delegation');
    await screenshot(page, 'delegate-landing');
    await expectAccessible(page);
    const awaiting = page.locator('section', {
      has: page.getByRole('heading', { name: /Awaiting your position/ }),
    });
    expect(await awaiting.getByRole('link', { name: symbol }).count()).toBe(1);
    await awaiting
      .locator('.card', { hasText: symbol })
      .getByRole('link', { name: 'Record the position of IND' })
      .click();

    await page.getByRole('radio', { name: 'Object' }).check();
    await page
      .getByLabel('Text of the reservation, or reason for the objection')
      .fill('A new fund prejudges the budget for 2025.');
    await page.getByLabel(/OP 1/).check();
    await screenshot(page, 'delegate-position-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record the position' }).click();
    const dialog = page.getByRole('dialog', { name: 'Please confirm' });
    expect(await dialog.textContent()).toContain('Record the objection of India on revision 1?');
    await screenshot(page, 'delegate-confirms-position');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    expect(await page.getByRole('status').textContent()).toContain('The position was recorded.');
    const row = page.locator('tr[data-state="IND"]');
    expect(await row.textContent()).toMatch(
      /objection[\s\S]*A new fund prejudges the budget for 2025\.[\s\S]*OP 1/,
    );
    // Only the delegate's own state can be recorded from here.
    const recordLinks = page.locator('table.positions a', { hasText: 'Record' });
    expect(await recordLinks.count()).toBe(1);
    expect(await page.locator('tr[data-state="IND"] a', { hasText: 'Record' }).count()).toBe(1);
    await screenshot(page, 'delegate-records-objection');
    await expectAccessible(page);

    const other = await page.goto(`${api.baseUrl}/desk/drafts/${draftId}/positions/KAZ`);
    expect(other?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Not your delegation',
    );
    expect(await page.locator('.problem-detail').textContent()).toContain(
      'you represent IND, not KAZ',
    );
    await screenshot(page, 'delegate-refused-other-state');
    await expectAccessible(page);
    await signOut(page);
    await page.close();
  });

  it('shows the SOC chair the objection on the dashboard, and no way to declare consensus', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'soc-chair@demo.local');
    expect(new URL(page.url()).pathname).toBe('/desk');
    const row = page.locator(`tr[data-draft="${draftId}"]`);
    const india = row.locator('td[aria-label="India: objection"]');
    expect(await india.textContent()).toBe('O');
    expect(await row.locator('td[aria-label="Kazakhstan: no answer"]').textContent()).toBe('–');
    expect(await row.locator('td.counts').textContent()).toMatch(/0 · 0 · 1 · 27/);
    await screenshot(page, 'chair-dashboard-objection');
    await expectAccessible(page);

    await row.getByRole('link', { name: symbol }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    const declare = page.getByRole('button', { name: 'Declare consensus' });
    expect(await declare.isDisabled()).toBe(true);
    const why = await page.locator('#why-declare-consensus').textContent();
    expect(why).toContain('Consensus has not been reached');
    expect(why).toContain('IND');
    expect(await page.locator('.document mark.bracket').first().textContent()).toBe(
      '[establishment of a CICA fund for connectivity]',
    );
    await screenshot(page, 'chair-cannot-declare');
    await expectAccessible(page);

    // A tablet in portrait: the page fits its width; only the matrix scrolls, inside its frame.
    await page.setViewportSize({ width: 820, height: 1180 });
    // (A string, run in the page: the tests are compiled without the DOM's types.)
    const fits = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
    expect(await fits()).toBe(true);
    await screenshot(page, 'tablet-draft');
    await expectAccessible(page);
    await page.goto(`${api.baseUrl}/desk`);
    expect(await fits()).toBe(true);
    expect(
      await page
        .locator('.matrix-scroll')
        .evaluate(
          (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth,
        ),
    ).toBe(true);
    await screenshot(page, 'tablet-dashboard');
    await expectAccessible(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signOut(page);
    await page.close();
  });

  it('lets the chair declare consensus from the draft page once a new revision has 28 concurrences', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'secretariat@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    await page.getByRole('link', { name: 'Circulate a new revision' }).click();
    await page.getByLabel('OP 1').fill('Welcome the study of financing options for connectivity;');
    await page.getByLabel('What changed').fill('Brackets removed after informal consultations');
    await screenshot(page, 'secretariat-revise-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Circulate revision 2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    expect(await page.getByRole('status').textContent()).toContain(
      'The new revision was circulated.',
    );
    expect(await page.locator('#text-heading').textContent()).toBe('Text of revision 2 (current)');
    await page.getByRole('link', { name: 'changes' }).click();
    expect(await page.locator('.comparison del').allTextContents()).toContain('[establishment');
    expect(await page.locator('.comparison ins').allTextContents()).toContain('study');
    await screenshot(page, 'revision-comparison');
    await expectAccessible(page);
    await signOut(page);

    // The 28 delegations answer through the service (signing each in would only cost time).
    const principals = api.app.get(PrincipalRepository);
    const positions = api.app.get(RecordPositionService);
    for (const code of await memberStateCodes(api)) {
      const {
        passwordHash: _hash,
        active: _active,
        ...delegate
      } = (await principals.findByEmail(delegateOf(code)))!;
      await positions.execute(delegate, draftId, code, { stance: 'concur' }, undefined);
    }

    await signIn(page, api.baseUrl, 'soc-chair@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    expect(await page.locator('.tally').textContent()).toContain('28 concur');
    await page.getByRole('button', { name: 'Declare consensus' }).click();
    const dialog = page.getByRole('dialog', { name: 'Please confirm' });
    expect(await dialog.textContent()).toContain('Declare consensus on the current revision?');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL((url) => url.search === '?done=declare-consensus');
    expect(await page.getByRole('status').textContent()).toContain(
      'Consensus was declared on the current revision.',
    );
    expect(await page.locator('.page-header .status').textContent()).toBe('Agreed by consensus');
    expect(await page.locator('.draft-event').first().textContent()).toMatch(
      /Consensus declared on revision 2 \(explicit\)/,
    );
    expect(await page.getByRole('button', { name: 'Declare consensus' }).count()).toBe(0);
    await screenshot(page, 'chair-declares-consensus');
    await expectAccessible(page);
    await page.close();
  });
});
