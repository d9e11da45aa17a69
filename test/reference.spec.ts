import { BodyDto, ChairmanshipDto, ParticipantDto } from '../apps/api/src/reference/reference.dto';
import { expectProblem } from './support/responses';
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
    const { body: participants } = await api.request('GET', '/api/participants?kind=member-state', {
      token,
      as: ParticipantDto.schema.array(),
    });
    expect(participants).toHaveLength(28);
    expect(participants.find((p) => p.code === 'AZE')).toMatchObject({
      kind: 'member-state',
      name: 'Azerbaijan',
      nameRu: 'Азербайджан',
    });
    expect(participants.find((p) => p.code === 'KWT')?.joined).toMatch(/^2022-/);
  });

  it('lists observers and partner organisations alongside the member states', async () => {
    const { body: participants } = await api.request('GET', '/api/participants', {
      token,
      as: ParticipantDto.schema.array(),
    });
    const kinds = new Set(participants.map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      'member-state',
      'observer-organisation',
      'observer-state',
      'partner-organisation',
    ]);
    expect(participants.find((p) => p.code === 'EEC')).toMatchObject({
      kind: 'partner-organisation',
    });
  });

  it('finds one participant by code and answers 404 for an unknown one', async () => {
    const { body: kazakhstan } = await api.request('GET', '/api/participants/kaz', {
      token,
      as: ParticipantDto.schema,
    });
    expect(kazakhstan.name).toBe('Kazakhstan');
    const missing = await api.request('GET', '/api/participants/XXX', { token });
    expect(expectProblem(missing, 404, 'NOT_FOUND').field).toBe('code');
  });

  it('rejects an unknown participant kind or query field with 400 naming it', async () => {
    const badKind = await api.request('GET', '/api/participants?kind=planet', { token });
    expect(expectProblem(badKind, 400).field).toBe('kind');
    const unknown = await api.request('GET', '/api/participants?colour=red', { token });
    expectProblem(unknown, 400);
  });

  it('lists the bodies with the document types each adopts', async () => {
    const { body: bodies } = await api.request('GET', '/api/bodies', {
      token,
      as: BodyDto.schema.array(),
    });
    expect(bodies.map((b) => b.code)).toEqual(
      expect.arrayContaining(['SUMMIT', 'CFM', 'SOC', 'SWG']),
    );
    expect(bodies.find((b) => b.code === 'CFM')?.adopts).toContain('statement');
    expect(bodies.filter((b) => b.reviewsDrafts)).toHaveLength(1);
  });

  it('lists the chairmanships, Kazakhstan 2020–2024 then Azerbaijan 2024–2026', async () => {
    const { body: chairmanships } = await api.request('GET', '/api/chairmanships', {
      token,
      as: ChairmanshipDto.schema.array(),
    });
    const [previous, current] = chairmanships.slice(-2);
    expect([previous.stateCode, current.stateCode]).toEqual(['KAZ', 'AZE']);
    expect(previous.from).toMatch(/^2020/);
    expect(current.from).toMatch(/^2024/);
    expect(current.to).toMatch(/^2026/);
  });

  it('answers 401 to anyone not signed in', async () => {
    for (const path of ['/api/participants', '/api/bodies', '/api/chairmanships']) {
      expectProblem(await api.request('GET', path), 401);
    }
  });
});
