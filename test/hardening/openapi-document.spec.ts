import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { type TestApp, startTestApp } from '../support/test-app';

describe('the OpenAPI document', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('validates with a third-party OpenAPI validator, as the version it declares', async () => {
    // The validator under test decides whether this is an OpenAPI document.
    const document = (await api.request('GET', '/api/docs-json')).body as OpenAPI.Document;
    // validate() dereferences in place: hand it a copy so the assertions below see the original.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });
});
