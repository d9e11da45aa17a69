import { DraftDto, RecordedPositionDto } from '../../apps/api/src/drafts/drafts.dto';
import type { TestApp } from './test-app';

/**
 * Successful answers are parsed with the API's own output schemas (those the OpenAPI
 * document is built from), so that the contract and the responses cannot drift apart.
 */
function parsedAs<T>(schema: { parse(value: unknown): T }, status: number, body: unknown) {
  if (status < 300) schema.parse(body);
  return body;
}

export interface DraftHandle {
  id: string;
  etag: string;
}

/** The 28 member states' delegates, from the API itself rather than a copied list. */
export async function memberStateCodes(api: TestApp): Promise<string[]> {
  const token = await api.login('admin@demo.local');
  const response = await api.request('GET', '/api/participants?kind=member-state', { token });
  return response.body.map((p: { code: string }) => p.code);
}

export function delegateOf(code: string): string {
  return `delegate.${code.toLowerCase()}@demo.local`;
}

export async function registerDraft(
  api: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<DraftHandle & { body: any }> {
  const token = await api.login('secretariat@demo.local');
  const response = await api.request('POST', '/api/drafts', {
    token,
    body: {
      type: 'statement',
      title: 'Statement on confidence building in the region',
      adoptingBodyCode: 'CFM',
      penholder: 'AZE',
      language: 'en',
      preamble: [
        { text: 'Recalling the Declaration on Principles Guiding Relations among Member States,' },
      ],
      operative: [
        { text: 'Reaffirm our commitment to dialogue;' },
        { text: 'Decide that the Secretariat shall report annually.' },
      ],
      ...overrides,
    },
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  parsedAs(DraftDto.schema, response.status, response.body);
  return { id: response.body.id, etag: response.headers.get('etag')!, body: response.body };
}

export async function readDraft(api: TestApp, id: string, email = 'secretariat@demo.local') {
  const response = await api.request('GET', `/api/drafts/${id}`, { token: await api.login(email) });
  parsedAs(DraftDto.schema, response.status, response.body);
  return { body: response.body, etag: response.headers.get('etag')!, status: response.status };
}

export async function transition(
  api: TestApp,
  id: string,
  email: string,
  body: Record<string, unknown>,
) {
  const { etag } = await readDraft(api, id, email);
  const response = await api.request('POST', `/api/drafts/${id}/transitions`, {
    token: await api.login(email),
    body,
    headers: { 'if-match': etag },
  });
  parsedAs(DraftDto.schema, response.status, response.body);
  return response;
}

export async function addRevision(
  api: TestApp,
  id: string,
  body: Record<string, unknown>,
  email = 'secretariat@demo.local',
) {
  const { etag } = await readDraft(api, id, email);
  const response = await api.request('POST', `/api/drafts/${id}/revisions`, {
    token: await api.login(email),
    body,
    headers: { 'if-match': etag },
  });
  parsedAs(DraftDto.schema, response.status, response.body);
  return response;
}

export async function putPosition(
  api: TestApp,
  id: string,
  stateCode: string,
  body: Record<string, unknown>,
  email = delegateOf(stateCode),
) {
  const response = await api.request('PUT', `/api/drafts/${id}/positions/${stateCode}`, {
    token: await api.login(email),
    body,
  });
  parsedAs(RecordedPositionDto.schema, response.status, response.body);
  return response;
}

/** Every member state concurs, all at once, as 28 delegations would. */
export async function everyoneConcurs(
  api: TestApp,
  id: string,
  except: string[] = [],
): Promise<number[]> {
  const codes = (await memberStateCodes(api)).filter((code) => !except.includes(code));
  await Promise.all(codes.map((code) => api.login(delegateOf(code))));
  const responses = await Promise.all(
    codes.map((code) => putPosition(api, id, code, { stance: 'concur' })),
  );
  return responses.map((r) => r.status);
}

/** A meeting of the body that has already opened, for adoption. */
export async function openMeeting(api: TestApp, bodyCode = 'CFM'): Promise<string> {
  const token = await api.login('secretariat@demo.local');
  const today = new Date().toISOString().slice(0, 10);
  const response = await api.request('POST', '/api/meetings', {
    token,
    body: {
      bodyCode,
      title: `Meeting of the ${bodyCode}`,
      startsOn: today,
      endsOn: today,
      format: 'in-person',
    },
  });
  if (response.status !== 201) throw new Error(`meeting failed: ${JSON.stringify(response.body)}`);
  return response.body.id;
}
