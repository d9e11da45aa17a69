import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type DocumentKind,
  type DocumentLanguage,
  DocumentRenderPool,
  RenderPoolError,
  TemplateError,
  defaultTemplatesDir,
} from '@chancery/documents';
import { DraftRepository, appendAudit } from '@chancery/persistence';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';

import { DocumentDataBuilder } from './document-data.builder';

export const MEETING_DOCUMENTS = [
  'provisional-agenda',
  'annotated-agenda',
  'list-of-documents',
] as const;
export type MeetingDocumentName = (typeof MEETING_DOCUMENTS)[number];
export const DRAFT_DOCUMENTS = ['text', 'redline', 'consensus-report'] as const;
export type DraftDocumentName = (typeof DRAFT_DOCUMENTS)[number];

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderedDocument {
  /** Null when the caller's If-None-Match already names this content: nothing was rendered. */
  buffer: Buffer | null;
  fileName: string;
  etag: string;
  symbol: string;
}

interface Prepared {
  symbol: string;
  draftId: string | null;
  render: (pool: DocumentRenderPool) => Promise<Buffer>;
  fingerprint: unknown;
}

/** Every template file's content, hashed: an edited template changes every ETag. */
function templatesFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function fileNameFor(symbol: string, suffix = ''): string {
  return `${symbol.replace(/[^A-Za-z0-9.-]+/g, '_')}${suffix}.docx`;
}

/**
 * Renders the meeting's Word documents in worker threads. The ETag is a hash of what goes
 * into the document (its data and the templates), so a second download of an unchanged
 * document is answered 304 before anything is rendered.
 */
@Injectable()
export class DocumentsService implements OnApplicationShutdown {
  private readonly pool: DocumentRenderPool;
  private readonly templates: string;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const templatesDir = config.TEMPLATES_DIR ?? defaultTemplatesDir();
    this.templates = templatesFingerprint(templatesDir);
    this.pool = new DocumentRenderPool({ templatesDir, maxThreads: config.RENDER_THREADS });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  async meetingDocument(
    principal: Principal | null,
    meetingId: string,
    name: MeetingDocumentName,
    language: DocumentLanguage,
    ifNoneMatch?: string,
  ): Promise<RenderedDocument> {
    const builder = new DocumentDataBuilder(this.dataSource.manager, this.drafts);
    const built =
      name === 'list-of-documents'
        ? await builder.listOfDocuments(meetingId, language)
        : await builder.agenda(meetingId, language, name === 'annotated-agenda');
    const kind: DocumentKind = name;
    return this.deliver(principal, name, language, ifNoneMatch, {
      symbol: built.symbol,
      draftId: null,
      fingerprint: built.data,
      render: (pool) => pool.render(kind, language, built.data),
    });
  }

  async draftDocument(
    principal: Principal | null,
    draftId: string,
    name: DraftDocumentName,
    options: { language: DocumentLanguage; revision?: number; from?: number; to?: number },
    ifNoneMatch?: string,
  ): Promise<RenderedDocument> {
    const builder = new DocumentDataBuilder(this.dataSource.manager, this.drafts);
    const { language } = options;
    let prepared: Prepared;
    if (name === 'text') {
      const built = await builder.outcome(draftId, language, options.revision);
      prepared = {
        symbol: built.symbol,
        draftId,
        fingerprint: built.data,
        render: (pool) => pool.render('outcome-document', language, built.data),
      };
    } else if (name === 'redline') {
      const draft = await this.drafts.find(this.dataSource.manager, draftId);
      if (!draft) throw notFound('Draft', draftId, 'id');
      const to = options.to ?? draft.current_revision;
      const from = options.from ?? to - 1;
      if (from >= to) {
        throw new AppError(
          'REDLINE_ORDER',
          `Compare an earlier revision with a later one: from (${from}) must be before to (${to}).`,
          {
            field: 'from',
          },
        );
      }
      const built = await builder.redline(draftId, language, from, to);
      prepared = {
        symbol: `${built.symbol}/redline-${from}-${to}`,
        draftId,
        fingerprint: built.data,
        render: (pool) => pool.redline(built.data),
      };
    } else {
      const built = await builder.consensusReport([draftId], language, new Date());
      prepared = this.consensusReport(built.symbol, built.data, language, draftId);
    }
    return this.deliver(principal, name, language, ifNoneMatch, prepared);
  }

  async consensusReportOfOpenDrafts(
    principal: Principal | null,
    language: DocumentLanguage,
    ifNoneMatch?: string,
  ): Promise<RenderedDocument> {
    const builder = new DocumentDataBuilder(this.dataSource.manager, this.drafts);
    const built = await builder.consensusReport('open', language, new Date());
    return this.deliver(
      principal,
      'consensus-report',
      language,
      ifNoneMatch,
      this.consensusReport(built.symbol, built.data, language, null),
    );
  }

  private consensusReport(
    symbol: string,
    data: { generatedAt: string },
    language: DocumentLanguage,
    draftId: string | null,
  ): Prepared {
    // The report states when it was generated; that alone must not defeat the cache.
    const { generatedAt: _generatedAt, ...stable } = data;
    return {
      symbol,
      draftId,
      fingerprint: stable,
      render: (pool) => pool.render('consensus-report', language, data),
    };
  }

  private async deliver(
    principal: Principal | null,
    name: string,
    language: DocumentLanguage,
    ifNoneMatch: string | undefined,
    prepared: Prepared,
  ): Promise<RenderedDocument> {
    const digest = createHash('sha256')
      .update(
        JSON.stringify({ name, language, templates: this.templates, data: prepared.fingerprint }),
      )
      .digest('base64url')
      .slice(0, 32);
    const etag = `"${digest}"`;
    const fileName = fileNameFor(prepared.symbol, language === 'en' ? '' : `_${language}`);
    if (
      ifNoneMatch
        ?.split(',')
        .some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
    ) {
      return { buffer: null, fileName, etag, symbol: prepared.symbol };
    }
    let buffer: Buffer;
    try {
      buffer = await prepared.render(this.pool);
    } catch (error) {
      if (error instanceof TemplateError) {
        throw new AppError('TEMPLATE_ERROR', `The template cannot be rendered: ${error.message}`, {
          facts: {
            template: error.templateName,
            language: error.language,
            line: error.line,
            column: error.column,
            reason: error.reason,
          },
        });
      }
      if (error instanceof RenderPoolError) {
        throw new AppError(
          'RENDERING_BUSY',
          `Documents cannot be rendered right now (${error.message}); try again shortly.`,
        );
      }
      throw error;
    }
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        occurredAt: new Date(),
        actorId: principal?.userId ?? null,
        actorLabel: principal
          ? `${principal.displayName} <${principal.email}>`
          : 'Chancery (command line)',
        draftId: prepared.draftId,
        action: 'document.rendered',
        details: {
          document: name,
          symbol: prepared.symbol,
          language,
          sha256: createHash('sha256').update(buffer).digest('hex'),
          bytes: buffer.length,
        },
      }),
    );
    return { buffer, fileName, etag, symbol: prepared.symbol };
  }
}
