import { readFile } from 'node:fs/promises';
import { openPack, seventhCfm } from '../support/packs';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';
import { expectAccessible } from './support/accessibility';

jest.setTimeout(300_000);

describe('the meeting pack from the meeting page, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let meetingId: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([
      startTestApp({ env: { JOB_POLL_MS: '500' } }),
      launchChromium(),
    ]);
    meetingId = await seventhCfm(api, await api.login('secretariat@demo.local'));
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('the secretariat builds the pack, watches the bar reach 100 % (across a reload) and downloads it', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'secretariat@demo.local');
    await page.goto(`${api.baseUrl}/desk/meetings/${meetingId}`);
    const panel = page.getByRole('region', { name: 'Meeting pack' });
    await expectAccessible(page);
    await panel.getByRole('button', { name: 'Build the meeting pack' }).click();
    await page.waitForURL((url) => url.searchParams.get('pack') === 'started');
    const bar = panel.getByRole('progressbar', { name: 'Meeting pack progress' });
    await bar.waitFor();
    await expectAccessible(page);

    // The bar moves without a reload: it shows some files made before the last.
    const seen = new Set<string>();
    const value = async () => {
      const [now, max] = await Promise.all([bar.getAttribute('value'), bar.getAttribute('max')]);
      seen.add(`${now}/${max}`);
      return { now: Number(now), max: Number(max) };
    };
    const partway = await until(value, (v) => v.now > 0 && v.now < v.max && v.max > 1, 120_000);
    expect(partway.now).toBeGreaterThan(0);
    // A reload picks the progress up where the job is.
    await page.reload();
    const after = await value();
    expect(after.now).toBeGreaterThanOrEqual(partway.now);

    const done = await until(value, (v) => v.max > 1 && v.now === v.max, 240_000);
    expect(done.now).toBe(done.max);
    expect(seen.size).toBeGreaterThan(2);
    await panel.getByText(`Ready: ${done.max} files`).waitFor();
    const link = panel.getByRole('link', { name: 'Download the meeting pack (ZIP)' });
    await link.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'meeting-pack-done');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/_pack\.zip$/);
    const { manifest } = await openPack(await readFile(await download.path()));
    expect(manifest.files).toHaveLength(done.max);
    expect(new Set(manifest.files.map((f) => f.language))).toEqual(new Set(['en', 'ru']));
  });
});
