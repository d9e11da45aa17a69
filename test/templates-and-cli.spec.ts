import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDocx } from '../libs/documents/src/testing/docx-inspection';
import { expectProblem } from './support/responses';
import { MeetingDto } from '../apps/api/src/meetings/meetings.dto';
import { type TestApp, startTestApp } from './support/test-app';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');

describe('templates edited by the secretariat', () => {
  let api: TestApp;
  let templatesDir: string;

  beforeAll(async () => {
    templatesDir = await mkdtemp(join(tmpdir(), 'chancery-templates-'));
    await cp(join(ROOT, 'templates'), templatesDir, { recursive: true });
    const agenda = join(templatesDir, 'en', 'provisional-agenda.hbs');
    // A closing tag that opens nothing, on line 9: the kind of slip an editor makes.
    const lines = (await readFile(agenda, 'utf8')).split('\n');
    lines[8] = `{{#each items}}{{/if}}`;
    await writeFile(agenda, lines.join('\n'));
    api = await startTestApp({ env: { TEMPLATES_DIR: templatesDir } });
  });
  afterAll(async () => {
    await api.close();
    await rm(templatesDir, { recursive: true, force: true });
  });

  it('answer 422 naming the broken template and its line, never 500', async () => {
    const token = await api.login('secretariat@demo.local');
    const meetings = await api.request('GET', '/api/meetings?bodyCode=CFM', {
      token,
      as: MeetingDto.schema.array(),
    });
    const response = await api.request(
      'GET',
      `/api/meetings/${meetings.body[0].id}/documents/provisional-agenda.docx`,
      { token },
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'TEMPLATE_ERROR',
      facts: { template: 'provisional-agenda', language: 'en', line: 9 },
    });
    // Templates are compiled together, so the others report the same broken one.
    const other = await api.request(
      'GET',
      `/api/meetings/${meetings.body[0].id}/documents/list-of-documents.docx`,
      { token },
    );
    expect(expectProblem(other, 422).detail).toContain('provisional-agenda');
  });
});

describe('npm run render', () => {
  let api: TestApp;
  let outDir: string;
  beforeAll(async () => {
    api = await startTestApp();
    outDir = await mkdtemp(join(tmpdir(), 'chancery-render-'));
  });
  afterAll(async () => {
    await api.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('renders the Russian provisional agenda of the 7th CFM to a file', async () => {
    const out = join(outDir, 'agenda.docx');
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/ts-node'),
      [
        '-r',
        'tsconfig-paths/register',
        '--transpile-only',
        'scripts/render.ts',
        'provisional-agenda',
        '--meeting',
        'CFM/7',
        '--lang',
        'ru',
        '--out',
        out,
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: api.databaseUrl }, timeout: 90_000 },
    );
    expect(stdout).toContain('CICA/CFM/7/1');
    const docx = await openDocx(await readFile(out));
    expect(docx.text).toMatch(/Повестка|повестка/);
  }, 120_000);
});
