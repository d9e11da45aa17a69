import { JobDto, PackAcceptedDto } from '../../apps/api/src/packs/packs.dto';
import { fakeLibreOffice, jobSettled, seventhCfm } from '../support/packs';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, visibleText } from './support/desk-client';

jest.setTimeout(120_000);

describe('the admin’s jobs page', () => {
  let api: TestApp;
  beforeAll(async () => {
    // A LibreOffice that always fails: the pack fails quickly, for good.
    const broken = await fakeLibreOffice('exit 1');
    api = await startTestApp({
      env: { JOB_POLL_MS: '500', LIBREOFFICE_PATH: broken.path, PDF_ATTEMPTS: '1' },
    });
  });
  afterAll(() => api.close());

  it('lists a failed job with its attempts and error, and retries it (with the form’s CSRF token)', async () => {
    const token = await api.login('secretariat@demo.local');
    const meetingId = await seventhCfm(api, token);
    const accepted = await api.request('POST', `/api/meetings/${meetingId}/pack`, {
      token,
      body: { languages: ['en'] },
      as: PackAcceptedDto.schema,
    });
    const failed: JobDto = await jobSettled(api, token, accepted.body.jobId, 60_000);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });

    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    expect((await secretariat.get('/desk/jobs')).status).toBe(403);
    const meeting = await secretariat.get(`/desk/meetings/${meetingId}`);
    expect(visibleText(meeting.html)).toContain('The pack could not be built');

    const admin = new DeskClient(api);
    await admin.signIn('admin@demo.local');
    const page = await admin.get('/desk/jobs');
    expect(page.status).toBe(200);
    const row = visibleText(page.html);
    expect(row).toContain('meeting-pack');
    expect(row).toContain('3 of 3');
    expect(row).toContain('PDF conversion failed');

    const refused = await admin.post(`/desk/jobs/${accepted.body.jobId}/retry`, {}, { csrf: null });
    expect(refused.status).toBe(403);
    await admin.get('/desk/jobs');
    const retried = await admin.post(`/desk/jobs/${accepted.body.jobId}/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.location).toBe('/desk/jobs?done=retried');
    const job = await api.request('GET', `/api/jobs/${accepted.body.jobId}`, {
      token,
      as: JobDto.schema,
    });
    expect(['queued', 'running', 'failed']).toContain(job.body.status);
    const after = await admin.get('/desk/jobs?done=retried');
    expect(visibleText(after.html)).toContain('The job was queued again.');
  });
});
