import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, visibleText } from './support/desk-client';

const OPEN_DRAFTS = 200;

describe('the consensus dashboard', () => {
  let api: TestApp;
  let desk: DeskClient;

  beforeAll(async () => {
    api = await startTestApp();
    // 200 open drafts straight into the test database (the services would take seconds to
    // register them one by one): half proposed, half under review, with a few positions.
    await api.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO drafts (symbol, document_number, type, title, language, adopting_body_id, penholder_id, status,
                             current_revision, created_by)
         SELECT 'CICA/LOAD/DOC.' || i, 1000 + i, 'statement', 'Load draft ' || lpad(i::text, 3, '0'), 'en',
                (SELECT id FROM bodies WHERE code = CASE WHEN i % 2 = 0 THEN 'CFM' ELSE 'SOC' END),
                (SELECT id FROM participants WHERE code = 'KAZ'),
                CASE WHEN i % 2 = 0 THEN 'UNDER_SOC_REVIEW' ELSE 'PROPOSED' END, 1,
                (SELECT id FROM users WHERE email = 'secretariat@demo.local')
           FROM generate_series(0, $1 - 1) AS i`,
        [OPEN_DRAFTS],
      );
      await manager.query(
        `INSERT INTO revisions (draft_id, number, title, content, created_by)
         SELECT d.id, 1, d.title,
                jsonb_build_object('title', d.title,
                  'preamble', jsonb_build_array(jsonb_build_object('id', gen_random_uuid(), 'text', 'Recalling the Declaration,')),
                  'operative', jsonb_build_array(jsonb_build_object('id', gen_random_uuid(), 'text', 'Decide on ' || d.title || '.'))),
                d.created_by
           FROM drafts d WHERE d.symbol LIKE 'CICA/LOAD/%'`,
      );
      const positions = (code: string, stance: string, text: string | null, every: number) =>
        manager.query(
          `INSERT INTO positions (draft_id, revision_number, participant_id, stance, text, on_behalf, recorded_by)
           SELECT d.id, 1, (SELECT id FROM participants WHERE code = $1), $2, $3, true, d.created_by
             FROM drafts d WHERE d.symbol LIKE 'CICA/LOAD/%' AND (d.document_number - 1000) % $4 = 0`,
          [code, stance, text, every],
        );
      await positions('KAZ', 'concur', null, 4);
      await positions('IND', 'objection', 'Not yet.', 8);
    });
    desk = new DeskClient(api);
    await desk.signIn('admin@demo.local');
  });
  afterAll(() => api.close());

  it('renders every open draft with all 28 member states, from the matrix, letters and labels included', async () => {
    const page = await desk.get('/desk');
    expect(page.status).toBe(200);
    const rows = [...page.html.matchAll(/<tr data-draft="([0-9a-f-]{36})">/g)];
    const matrix = await api.app.get(DraftQueriesService).matrix();
    expect(matrix.total).toBeGreaterThanOrEqual(OPEN_DRAFTS);
    expect(rows).toHaveLength(matrix.total);
    for (let i = 0; i < OPEN_DRAFTS; i++)
      expect(page.html).toContain(`Load draft ${String(i).padStart(3, '0')}`);
    expect([...page.html.matchAll(/<th scope="col" class="col-state">/g)]).toHaveLength(28);
    expect([
      ...page.html.matchAll(
        /<td class="st-(?:concur|reservation|objection|none)" aria-label="[^"]+: [a-z ]+">[CRO–]<\/td>/g,
      ),
    ]).toHaveLength(28 * matrix.total);

    const row =
      /<tr data-draft="[^"]+">(?:(?!<\/tr>)[\s\S])*Load draft 000(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(
        page.html,
      )![0];
    expect(row).toContain('<td class="st-concur" aria-label="Kazakhstan: concur">C</td>');
    expect(row).toContain('<td class="st-objection" aria-label="India: objection">O</td>');
    expect(row).toContain('<td class="st-none" aria-label="Azerbaijan: no answer">–</td>');
    expect(visibleText(row)).toContain('1 · 0 · 1 · 26');
    expect(visibleText(page.html)).toContain(
      'Legend: C concur R reservation O objection – no answer',
    );
  });

  it('filters by body, status and meeting, ignoring values it does not know', async () => {
    const count = (html: string) => [...html.matchAll(/<tr data-draft=/g)].length;
    const matrix = await api.app.get(DraftQueriesService).matrix();
    const soc = await desk.get('/desk?body=SOC');
    expect(count(soc.html)).toBe(matrix.items.filter((r) => r.adoptingBodyCode === 'SOC').length);
    expect(soc.html).toMatch(/<option value="SOC" selected>/);
    const proposedCfm = await desk.get('/desk?body=CFM&status=PROPOSED');
    expect(count(proposedCfm.html)).toBe(
      matrix.items.filter((r) => r.adoptingBodyCode === 'CFM' && r.status === 'PROPOSED').length,
    );
    const unknown = await desk.get('/desk?body=%3Cscript%3E&status=NOPE&meeting=1');
    expect(unknown.status).toBe(200);
    expect(count(unknown.html)).toBe(matrix.total);
    expect(unknown.html).not.toContain('<script>');
  });
});
