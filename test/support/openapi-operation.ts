import { z } from 'zod';
import type { TestApp } from './test-app';

const OpenApiPathsSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

// Only what the specs read of an operation; the document's full shape is checked by a validator
// (test/hardening/openapi-document.spec.ts).
const OperationSchema = z.object({
  requestBody: z.object({ content: z.record(z.string(), z.unknown()) }),
  responses: z.record(z.string(), z.unknown()),
});

/** The operation with a request body that the served OpenAPI document has at `path`. */
export async function openApiOperation(
  api: TestApp,
  path: string,
  method: 'post' | 'put' | 'patch',
): Promise<z.infer<typeof OperationSchema>> {
  const document = OpenApiPathsSchema.parse((await api.request('GET', '/api/docs-json')).body);
  return OperationSchema.parse(document.paths[path][method]);
}
