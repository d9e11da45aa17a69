import type { ZodType } from 'zod';
import { DraftDto, RecordedPositionDto } from '../../apps/api/src/drafts/drafts.dto';
import { MeetingWithAgendaDto } from '../../apps/api/src/meetings/meetings.dto';
import { ParticipantDto } from '../../apps/api/src/reference/reference.dto';
import { expectBody } from './responses';
import type { ApiResponse, TestApp } from './test-app';

/**
 * A successful answer's body must match the endpoint's output schema (see expectBody); a
 * refusal is handed back as it came, for expectProblem. The body keeps the request's default
 * type: callers read refusals and successes through the same value.
 */
function checkedOnSuccess(response: ApiResponse, schema: ZodType): ApiResponse {
  if (response.status >= 200 && response.status <= 299) expectBody(response, schema);
  return response;
}

/** A draft as registered: with its first revision. */
export type RegisteredDraft = DraftDto & { revision: NonNullable<DraftDto['revision']> };

export interface DraftHandle {
  id: string;
  etag: string;
}

/** The 28 member states' delegates, from the API itself rather than a copied list. */
export async function memberStateCodes(api: TestApp): Promise<string[]> {
  const token = await api.login('admin@demo.local');
  const response = await api.request('GET', '/api/participants?kind=member-state', {
    token,
    as: ParticipantDto.schema.array(),
  });
  return response.body.map((p) => p.code);
}

export function delegateOf(code: string): string {
  return `delegate.${code.toLowerCase()}@demo.local`;
}

export async function registerDraft(
  api: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<DraftHandle & { body: RegisteredDraft }> {
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
  const draft = expectBody(response, DraftDto.schema, 201);
  const { revision } = draft;
  if (!revision) throw new Error(`draft ${draft.symbol} was registered without its first revision`);
  return { id: draft.id, etag: response.headers.get('etag')!, body: { ...draft, revision } };
}

export async function readDraft(api: TestApp, id: string, email = 'secretariat@demo.local') {
  const response = checkedOnSuccess(
    await api.request('GET', `/api/drafts/${id}`, { token: await api.login(email) }),
    DraftDto.schema,
  );
  return { ...response, etag: response.headers.get('etag')! };
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
  return checkedOnSuccess(response, DraftDto.schema);
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
  return checkedOnSuccess(response, DraftDto.schema);
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
  return checkedOnSuccess(response, RecordedPositionDto.schema);
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
  return expectBody(response, MeetingWithAgendaDto.schema, 201).id;
}
