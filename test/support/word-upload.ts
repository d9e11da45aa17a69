import type { TestApp } from './test-app';

/** Posts a file as multipart/form-data in the field `file`, as a browser form or curl -F would. */
export async function uploadWord(
  api: TestApp,
  path: string,
  options: {
    token: string;
    bytes: Buffer;
    filename?: string;
    fields?: Record<string, string>;
    headers?: Record<string, string>;
  },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(
    'file',
    new Blob([new Uint8Array(options.bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
    options.filename ?? 'draft.docx',
  );
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, ...options.headers },
    body: form,
  });
  const type = response.headers.get('content-type') ?? '';
  const body: any = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, headers: response.headers, body };
}
