import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { MeetingWithAgendaDto } from '../../apps/api/src/meetings/meetings.dto';
import { type TestApp, startTestApp } from '../support/test-app';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';
import { expectAccessible } from './support/accessibility';

const ITEMS = [
  'Opening of the meeting',
  'Adoption of the agenda',
  'Draft Statement on connectivity and transport corridors in Asia',
];

describe('the agenda of a meeting, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let meetingId: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
    const token = await api.login('secretariat@demo.local');
    const meeting = await api.request('POST', '/api/meetings', {
      token,
      body: {
        bodyCode: 'SOC',
        title: 'Meeting of the Senior Officials Committee on connectivity',
        startsOn: '2027-03-02',
        endsOn: '2027-03-03',
        venue: 'Astana',
        format: 'hybrid',
      },
      as: MeetingWithAgendaDto.schema,
    });
    meetingId = meeting.body.id;
    for (const title of ITEMS) {
      const item = await api.request('POST', `/api/meetings/${meetingId}/agenda-items`, {
        token,
        body: { title },
      });
      expect(item.status).toBe(201);
    }
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('lets the secretariat reorder the agenda and download the provisional agenda in that order', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'secretariat@demo.local');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Meetings' })
      .click();
    await page
      .getByRole('link', { name: /SOC/ })
      .and(page.locator(`[href="/desk/meetings/${meetingId}"]`))
      .click();
    await page.waitForURL((url) => url.pathname === `/desk/meetings/${meetingId}`);
    const titles = () => page.locator('.agenda .agenda-title').allTextContents();
    expect(await titles()).toEqual(ITEMS);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Move item 1 down' }).click();
    await page.waitForURL((url) => url.search === '?done=reordered');
    expect(await page.getByRole('status').textContent()).toContain('The agenda was reordered.');
    const reordered = [ITEMS[1], ITEMS[0], ITEMS[2]];
    expect(await titles()).toEqual(reordered);
    await expectAccessible(page);
    expect(await page.locator('.agenda .agenda-number').allTextContents()).toEqual([
      '1.',
      '2.',
      '3.',
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-document="Provisional agenda"][lang="en"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await readFile(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    const positions = reordered.map((title) => text.indexOf(title));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await screenshot(page, 'secretariat-reorders-agenda');
    await expectAccessible(page);
    await page.close();
  });
});
