// What a worker thread does for the render pool. Rendering is a pure function of (templates,
// kind, language, data), so a worker keeps the compiled templates and nothing else.

import { move } from 'piscina';
import type { CompilationData, RedlineData } from './document-data';
import type { DocumentKind, DocumentLanguage } from './document-kind';
import { renderCompilation, renderDocument, renderRedline } from './render-document';
import { serializeRenderError, type SerializedRenderError } from './template-error';
import { TemplateRegistry } from './template-registry';

export type RenderJob =
  | { type: 'document'; kind: DocumentKind; language: DocumentLanguage; data: unknown }
  | { type: 'redline'; data: RedlineData }
  | { type: 'compilation'; data: CompilationData };

export interface RenderTask {
  templatesDir: string;
  job: RenderJob;
}

/** The Word file's bytes (transferred, not copied), or the error to rethrow in the caller. */
export type RenderTaskResult = Uint8Array | { error: SerializedRenderError };

const registries = new Map<string, Promise<TemplateRegistry>>();

function registryFor(templatesDir: string): Promise<TemplateRegistry> {
  let registry = registries.get(templatesDir);
  if (registry === undefined) {
    registry = TemplateRegistry.load(templatesDir);
    // A broken template folder must not stay cached once it is fixed.
    registry.catch(() => registries.delete(templatesDir));
    registries.set(templatesDir, registry);
  }
  return registry;
}

function renderJob(registry: TemplateRegistry, job: RenderJob): Promise<Buffer> {
  switch (job.type) {
    case 'document':
      return renderDocument(registry, job.kind, job.language, job.data);
    case 'redline':
      return renderRedline(job.data, registry);
    case 'compilation':
      return renderCompilation(job.data, registry);
  }
}

export default async function runRenderTask(task: RenderTask): Promise<RenderTaskResult> {
  try {
    const registry = await registryFor(task.templatesDir);
    const { job } = task;
    const buffer = await renderJob(registry, job);
    // Transfer the bytes rather than copy them; a Buffer that shares Node's pool is copied first
    // so that transferring it cannot detach the pool.
    const owned =
      buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
        ? buffer
        : new Uint8Array(buffer);
    return move(owned) as Uint8Array;
  } catch (error) {
    // Structured clone keeps neither the class nor the fields of an error: send them as data.
    return { error: serializeRenderError(error) };
  }
}
