import { readFile } from 'node:fs/promises';
import { JobDto, PackAcceptedDto } from '../../apps/api/src/packs/packs.dto';
import {
  fakeLibreOffice,
  jobSettled,
  openPack,
  pdfText,
  seventhCfm,
  sha256,
} from '../support/packs';
import { bytesBody, expectProblem } from '../support/responses';
import { type TestApp, startTestApp } from '../support/test-app';

// The demo's documents are rendered and converted for real: LibreOffice takes its time.
jest.setTimeout(300_000);

/** The job once it has settled, read again so that its answer is held to its schema. */
async function settledJob(api: TestApp, token: string, jobId: string) {
  await jobSettled(api, token, jobId);
  return (await api.request('GET', `/api/jobs/${jobId}`, { token, as: JobDto.schema })).body;
}

function requestPack(api: TestApp, token: string, meetingId: string, body: object = {}) {
  return api.request('POST', `/api/meetings/${meetingId}/pack`, {
    token,
    body,
    as: PackAcceptedDto.schema,
  });
}

describe('the 7th CFM meeting pack', () => {
  let api: TestApp;
  let token: string;
  let meetingId: string;
  beforeAll(async () => {
    api = await startTestApp({ env: { JOB_POLL_MS: '500' } });
    token = await api.login('secretariat@demo.local');
    meetingId = await seventhCfm(api, token);
  });
  afterAll(() => api.close());

  it('holds .docx and PDF for every document in en and ru, each PDF with its text, the hashes matching', async () => {
    const accepted = await requestPack(api, token, meetingId);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', cached: false });
    expect(accepted.headers.get('location')).toBe(`/api/jobs/${accepted.body.jobId}`);

    const job = await settledJob(api, token, accepted.body.jobId);
    expect(job).toMatchObject({ kind: 'meeting-pack', status: 'done', attempts: 1 });
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.result).toMatchObject({ formats: ['docx', 'pdf'], pdf: { included: true } });

    const file = await api.request('GET', `/api/jobs/${accepted.body.jobId}/file`, { token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zip');
    const archive = bytesBody(file);
    expect(archive.length).toBe(job.result?.bytes);
    expect(sha256(archive)).toBe(job.result?.sha256);

    const { zip, manifest } = await openPack(archive);
    expect(manifest.languages).toEqual(['en', 'ru']);
    expect(manifest.files).toHaveLength(job.progress.total);
    expect(zip.file('index.txt')).not.toBeNull();
    // Every document, in both languages, in both formats: the same symbols four times over.
    const symbols = new Set(manifest.files.map((f) => f.symbol));
    expect(symbols.size).toBeGreaterThanOrEqual(4);
    for (const symbol of symbols)
      for (const language of ['en', 'ru'])
        for (const format of ['docx', 'pdf'])
          expect(
            manifest.files.filter(
              (f) => f.symbol === symbol && f.language === language && f.format === format,
            ),
          ).not.toHaveLength(0);
    const names = manifest.files.map((f) => f.file);
    expect(names.some((n) => /_1_en\.docx$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);

    for (const entry of manifest.files) {
      const content = await zip.file(entry.file)!.async('nodebuffer');
      expect({ file: entry.file, bytes: content.length, sha256: sha256(content) }).toEqual({
        file: entry.file,
        bytes: entry.bytes,
        sha256: entry.sha256,
      });
      if (entry.format === 'pdf') {
        const text = await pdfText(content);
        // Each document prints its symbol in its header.
        expect(text.replace(/\s+/g, '')).toContain(entry.symbol.replace(/\s+/g, ''));
      }
    }
  });

  it('answers a second request for the unchanged meeting with the pack already built', async () => {
    const first = await requestPack(api, token, meetingId);
    const again = await requestPack(api, token, meetingId);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ jobId: first.body.jobId, status: 'done', cached: true });
    const job = await api.request('GET', `/api/jobs/${again.body.jobId}`, {
      token,
      as: JobDto.schema,
    });
    expect(job.body).toMatchObject({ status: 'done' });
  });

  it('is refused to a delegate, and a job nobody knows is 404', async () => {
    const delegate = await api.login('delegate.kaz@demo.local');
    const refused = await api.request('POST', `/api/meetings/${meetingId}/pack`, {
      token: delegate,
      body: {},
    });
    expectProblem(refused, 403);
    const missing = await api.request('GET', `/api/jobs/00000000-0000-4000-8000-000000000000`, {
      token,
    });
    expectProblem(missing, 404);
    const bad = await api.request('POST', `/api/meetings/${meetingId}/pack`, {
      token,
      body: { formats: ['odt'] },
    });
    expectProblem(bad, 400);
  });
});

describe('a meeting pack where PDF cannot be made', () => {
  it('without LibreOffice is Word only, and says so in its manifest', async () => {
    const api = await startTestApp({
      env: { JOB_POLL_MS: '500', LIBREOFFICE_PATH: '/nonexistent/soffice' },
    });
    try {
      const token = await api.login('secretariat@demo.local');
      const meetingId = await seventhCfm(api, token);
      const accepted = await requestPack(api, token, meetingId, { languages: ['en'] });
      const job = await settledJob(api, token, accepted.body.jobId);
      expect(job).toMatchObject({ status: 'done', result: { formats: ['docx'] } });
      expect(job.result?.pdf).toMatchObject({ included: false });
      expect(job.result?.pdf.reason).toContain('LibreOffice is not installed');
      const file = await api.request('GET', `/api/jobs/${accepted.body.jobId}/file`, { token });
      const { manifest } = await openPack(bytesBody(file));
      expect(manifest.pdf.included).toBe(false);
      expect(new Set(manifest.files.map((f) => f.format))).toEqual(new Set(['docx']));
      expect(new Set(manifest.files.map((f) => f.language))).toEqual(new Set(['en']));
      const pdfOnly = await api.request('POST', `/api/meetings/${meetingId}/pack`, {
        token,
        body: { formats: ['pdf'] },
      });
      expectProblem(pdfOnly, 422, 'PDF_UNAVAILABLE');
    } finally {
      await api.close();
    }
  });

  it('with a conversion that hangs is stopped at its time limit, retried, then reported failed', async () => {
    const fake = await fakeLibreOffice('sleep 600');
    const api = await startTestApp({
      env: {
        JOB_POLL_MS: '500',
        LIBREOFFICE_PATH: fake.path,
        PDF_TIMEOUT_PER_FILE_MS: '500',
        PDF_ATTEMPTS: '2',
      },
    });
    try {
      const token = await api.login('secretariat@demo.local');
      const meetingId = await seventhCfm(api, token);
      const accepted = await requestPack(api, token, meetingId, { languages: ['en'] });
      const job = await settledJob(api, token, accepted.body.jobId);
      expect(job).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3 });
      expect(job.error).toContain('PDF conversion failed after 2 attempts');
      expect(job.error).toContain('did not finish');
      // Three attempts of the job, two conversions each, each killed at its limit.
      const calls = (await readFile(fake.log, 'utf8')).trim().split('\n');
      expect(calls).toHaveLength(6);
      const file = await api.request('GET', `/api/jobs/${accepted.body.jobId}/file`, { token });
      expectProblem(file, 409);
    } finally {
      await api.close();
    }
  });
});
