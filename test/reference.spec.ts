import { type TestApp, startTestApp } from './support/test-app';

describe('reference data: participants, bodies, chairmanships', () => {
  let api: TestApp;
  let token: string;
  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('observer@demo.local');
  });
  afterAll(() => api.close());

  it('lists all 28 member states with their English and Russian names', async () => {
    const response = await api.request('GET', '/api/participants?kind=member-state', { token });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(28);
    const azerbaijan = response.body.find((p: { code: string }) => p.code === 'AZE');
    expect(azerbaijan).toMatchObject({
      kind: 'member-state',
      name: 'Azerbaijan',
      nameRu: 'Азербайджан',
    });
    const kuwait = response.body.find((p: { code: string }) => p.code === 'KWT');
    expect(kuwait.joined).toMatch(/^2022-/);
  });

  it('lists observers and partner organisations alongside the member states', async () => {
    const response = await api.request('GET', '/api/participants', { token });
    const kinds = new Set(response.body.map((p: { kind: string }) => p.kind));
    expect([...kinds].sort()).toEqual([
      'member-state',
      'observer-organisation',
      'observer-state',
      'partner-organisation',
    ]);
    expect(response.body.find((p: { code: string }) => p.code === 'EEC')).toMatchObject({
      kind: 'partner-organisation',
    });
  });

  it('finds one participant by code and answers 404 for an unknown one', async () => {
    expect((await api.request('GET', '/api/participants/kaz', { token })).body.name).toBe(
      'Kazakhstan',
    );
    const missing = await api.request('GET', '/api/participants/XXX', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });

  it('rejects an unknown participant kind or query field with 400 naming it', async () => {
    const badKind = await api.request('GET', '/api/participants?kind=planet', { token });
    expect(badKind.status).toBe(400);
    expect(badKind.body.field).toBe('kind');
    const unknown = await api.request('GET', '/api/participants?colour=red', { token });
    expect(unknown.status).toBe(400);
  });

  it('lists the bodies with the document types each adopts', async () => {
    const response = await api.request('GET', '/api/bodies', { token });
    expect(response.status).toBe(200);
    const codes = response.body.map((b: { code: string }) => b.code);
    expect(codes).toEqual(expect.arrayContaining(['SUMMIT', 'CFM', 'SOC', 'SWG']));
    const cfm = response.body.find((b: { code: string }) => b.code === 'CFM');
    expect(cfm.adopts).toContain('statement');
    expect(response.body.filter((b: { reviewsDrafts: boolean }) => b.reviewsDrafts)).toHaveLength(
      1,
    );
  });

  it('lists the chairmanships, Kazakhstan 2020–2024 then Azerbaijan 2024–2026', async () => {
    const response = await api.request('GET', '/api/chairmanships', { token });
    const recent = response.body.slice(-2);
    expect(recent.map((c: { stateCode: string }) => c.stateCode)).toEqual(['KAZ', 'AZE']);
    expect(recent[0].from).toMatch(/^2020/);
    expect(recent[1].from).toMatch(/^2024/);
    expect(recent[1].to).toMatch(/^2026/);
  });

  it('answers 401 to anyone not signed in', async () => {
    for (const path of ['/api/participants', '/api/bodies', '/api/chairmanships']) {
      expect((await api.request('GET', path)).status).toBe(401);
    }
  });
});
