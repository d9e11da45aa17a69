import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type DocumentLanguage,
  DocumentRenderPool,
  type RenderSlot,
  RenderPoolError,
  TemplateError,
  defaultTemplatesDir,
  templatesDigest,
} from '@chancery/documents';
import {
  type CachedDocument,
  DocumentCacheRepository,
  DraftRepository,
  AmendmentRepository,
} from '@chancery/persistence';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { notFound } from '../common/app-error';
import { DeliveryAudit } from './delivery-audit';
import { buildCompilationData } from './compilation-data';
import { DocumentDataBuilder } from './document-data.builder';
import { ReadGate } from './read-gate';
import { clientGone, redlineOrder, renderingBusy, templateBroken } from './documents.errors';
import { SharedFlights } from './shared-flights';
import { WorkingLanguages } from '../languages/working-languages';

export const MEETING_DOCUMENTS = [
  'provisional-agenda',
  'annotated-agenda',
  'list-of-documents',
] as const;
export type MeetingDocumentName = (typeof MEETING_DOCUMENTS)[number];
export const DRAFT_DOCUMENTS = [
  'text',
  'redline',
  'consensus-report',
  'compilation',
  'concordance',
] as const;
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

/** One document of a meeting pack (see DocumentsService.packDocuments). */
export interface PackDocument {
  name: string;
  language: DocumentLanguage;
  symbol: string;
  title: string;
  /** Its cache key: the pack's own key is made of these. */
  key: string;
  fetch(signal?: AbortSignal): Promise<{ content: Buffer; sha256: string }>;
}

const MEETING_DOCUMENT_TITLES: Record<MeetingDocumentName, string> = {
  'provisional-agenda': 'Provisional agenda',
  'annotated-agenda': 'Annotated provisional agenda',
  'list-of-documents': 'List of documents',
};

const DRAFT_DOCUMENT_SUFFIXES: Record<DraftDocumentName, string> = {
  text: '',
  redline: ' (changes between revisions)',
  compilation: ' (compilation of amendments)',
  'consensus-report': ' (consensus report)',
  concordance: ' (concordance of the language versions)',
};

/** What the HTTP request brings besides its parameters. */
export interface DeliveryConditions {
  ifNoneMatch?: string;
  /** Fires when the client goes away: its render stops if nobody else waits for it. */
  signal?: AbortSignal;
}

/** A document to deliver: its cache key's parts, and how to load its data and render it. */
interface Plan {
  name: string;
  language: DocumentLanguage;
  symbol: string;
  draftId: string | null;
  keyParts: unknown;
  /** Loads the data (only on a miss, after a place in the queue was taken) and renders it. */
  load: () => Promise<(slot: RenderSlot, signal: AbortSignal) => Promise<Buffer>>;
}

interface Delivery extends CachedDocument {
  /** True for the one request that caused the render; the others shared it or hit the cache. */
  rendered: boolean;
}

/** How often a replica waiting for another's render looks for its result. */
const PEER_POLL_MS = 100;
const RENDER_TIMEOUT_MS = 60_000;

function fileNameFor(symbol: string, suffix = ''): string {
  return `${symbol.replace(/[^A-Za-z0-9.-]+/g, '_')}${suffix}.docx`;
}

/**
 * Delivers the meeting's Word documents. Each is rendered once per content: its key is a hash of
 * what goes into it (versions and small facts read cheaply, and the templates' digest), rendered
 * files live in PostgreSQL (shared by every replica, capped, least recently used evicted first),
 * concurrent requests for one key share one render in this process and wait for a peer's render
 * across replicas. The key is also the ETag, so a client holding the content gets a 304.
 */
@Injectable()
export class DocumentsService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly pool: DocumentRenderPool;
  private readonly templates: string;
  private readonly cache: DocumentCacheRepository;
  private readonly flights = new SharedFlights<Delivery & { credited: boolean }>();
  private readonly capBytes: number;
  private readonly audit: DeliveryAudit;
  private readonly reads: ReadGate;
  private readonly languages: Promise<WorkingLanguages>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AmendmentRepository)
    private readonly amendments: AmendmentRepository = new AmendmentRepository(),
    @Optional() @Inject(WorkingLanguages) languages?: WorkingLanguages,
  ) {
    const templatesDir = config.TEMPLATES_DIR ?? defaultTemplatesDir();
    // The app passes the languages checked at start-up; a script reads them itself.
    this.languages = languages
      ? Promise.resolve(languages)
      : WorkingLanguages.load(dataSource, templatesDir);
    // Not awaited here: a failure is the first document request's to report.
    this.languages.catch(() => undefined);
    this.templates = templatesDigest(templatesDir);
    this.pool = new DocumentRenderPool({
      templatesDir,
      maxThreads: config.RENDER_THREADS,
      taskTimeoutMs: RENDER_TIMEOUT_MS,
    });
    this.cache = new DocumentCacheRepository(dataSource);
    this.audit = new DeliveryAudit(dataSource);
    this.reads = new ReadGate(Math.max(2, Math.floor(config.DATABASE_POOL_SIZE / 2)));
    this.capBytes = config.DOCUMENT_CACHE_MB * 1024 * 1024;
  }

  /** Renders nobody can receive any more are stopped, not awaited. */
  async beforeApplicationShutdown(): Promise<void> {
    this.flights.abortAll();
    await this.pool.close({ abandon: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  /** Renders sharing a key in this process now (for tests). */
  get rendersInFlight(): number {
    return this.flights.size;
  }

  async meetingDocument(
    principal: Principal | null,
    meetingId: string,
    name: MeetingDocumentName,
    asked: DocumentLanguage | undefined,
    conditions: DeliveryConditions = {},
  ): Promise<RenderedDocument> {
    const language = (await this.languages).resolve(asked);
    return this.deliver(principal, conditions, await this.meetingPlan(meetingId, name, language));
  }

  private async meetingPlan(
    meetingId: string,
    name: MeetingDocumentName,
    language: DocumentLanguage,
  ): Promise<Plan> {
    // Agendas and lists are small: their data is their key.
    const builder = this.builder();
    const built = await this.reads.run<{ symbol: string; data: unknown }>(() =>
      name === 'list-of-documents'
        ? builder.listOfDocuments(meetingId, language)
        : builder.agenda(meetingId, language, name === 'annotated-agenda'),
    );
    return {
      name,
      language,
      symbol: built.symbol,
      draftId: null,
      keyParts: built.data,
      load: () =>
        Promise.resolve((slot, signal) => slot.render(name, language, built.data, { signal })),
    };
  }

  async draftDocument(
    principal: Principal | null,
    draftId: string,
    name: DraftDocumentName,
    asked: { language?: DocumentLanguage; revision?: number; from?: number; to?: number },
    conditions: DeliveryConditions = {},
  ): Promise<RenderedDocument> {
    const options = { ...asked, language: (await this.languages).resolve(asked.language) };
    const plan = await this.reads.run(() => this.draftPlan(draftId, name, options));
    return this.deliver(principal, conditions, plan);
  }

  private async draftPlan(
    draftId: string,
    name: DraftDocumentName,
    options: { language: DocumentLanguage; revision?: number; from?: number; to?: number },
  ): Promise<Plan> {
    const builder = this.builder();
    const { language } = options;
    let plan: Plan;
    if (name === 'text') {
      const key = await builder.outcomeKey(draftId, language, options.revision);
      plan = {
        name,
        language,
        symbol: key.symbol,
        draftId,
        keyParts: key.parts,
        load: async () => {
          const built = await builder.outcome(draftId, language, options.revision);
          return (slot, signal) =>
            slot.render('outcome-document', language, built.data, { signal });
        },
      };
    } else if (name === 'redline') {
      const draft = await this.drafts.find(this.dataSource.manager, draftId);
      if (!draft) throw notFound('Draft', draftId, 'id');
      const to = options.to ?? draft.current_revision;
      const from = options.from ?? to - 1;
      if (from >= to) throw redlineOrder(from, to);
      const key = await builder.redlineKey(draftId, language, from, to);
      plan = {
        name,
        language,
        symbol: `${draft.symbol}/redline-${from}-${to}`,
        draftId,
        keyParts: key.parts,
        load: async () => {
          const built = await builder.redline(draftId, language, from, to);
          return (slot, signal) => slot.redline(built.data, { signal });
        },
      };
    } else if (name === 'concordance') {
      const built = await builder.concordance(draftId, language, options.revision);
      plan = {
        name,
        language,
        symbol: built.symbol,
        draftId,
        // Every version is in it: its data is its key (a new translation changes it).
        keyParts: built.data,
        load: () =>
          Promise.resolve((slot, signal) =>
            slot.render('concordance', language, built.data, { signal }),
          ),
      };
    } else if (name === 'compilation') {
      const built = await buildCompilationData(
        builder,
        this.dataSource.manager,
        this.amendments,
        draftId,
        language,
        options.revision,
      );
      plan = {
        name,
        language,
        symbol: built.symbol,
        draftId,
        // The amendments are small beside the document: their data is its key.
        keyParts: built.data,
        load: () => Promise.resolve((slot, signal) => slot.compilation(built.data, { signal })),
      };
    } else {
      const built = await builder.consensusReport([draftId], language, new Date());
      plan = this.consensusReport(built.symbol, built.data, language, draftId);
    }
    return plan;
  }

  async consensusReportOfOpenDrafts(
    principal: Principal | null,
    asked: DocumentLanguage | undefined,
    conditions: DeliveryConditions = {},
  ): Promise<RenderedDocument> {
    const language = (await this.languages).resolve(asked);
    const built = await this.reads.run(() =>
      this.builder().consensusReport('open', language, new Date()),
    );
    return this.deliver(
      principal,
      conditions,
      this.consensusReport(built.symbol, built.data, language, null),
    );
  }

  private builder(): DocumentDataBuilder {
    return new DocumentDataBuilder(this.dataSource.manager, this.drafts);
  }

  private consensusReport(
    symbol: string,
    data: { generatedAt: string },
    language: DocumentLanguage,
    draftId: string | null,
  ): Plan {
    // The report states when it was generated; that alone must not defeat the cache.
    const { generatedAt: _generatedAt, ...stable } = data;
    return {
      name: 'consensus-report',
      language,
      symbol,
      draftId,
      keyParts: stable,
      load: () =>
        Promise.resolve((slot, signal) =>
          slot.render('consensus-report', language, data, { signal }),
        ),
    };
  }

  /**
   * The documents of a meeting's pack, in one language: the agendas and the list, then each
   * draft's text, its compilation (when its revision has amendments) and its consensus report.
   * Each comes with its cache key (the content hash of its inputs, as for a download) and a way
   * to fetch it from the cache or render it once; nothing is rendered here.
   */
  async packDocuments(
    meetingId: string,
    language: DocumentLanguage,
    drafts: { id: string; title: string; amendments: number }[],
  ): Promise<PackDocument[]> {
    const plans: { plan: Plan; title: string }[] = [];
    for (const name of MEETING_DOCUMENTS)
      plans.push({
        title: MEETING_DOCUMENT_TITLES[name],
        plan: await this.meetingPlan(meetingId, name, language),
      });
    for (const draft of drafts) {
      const names: DraftDocumentName[] = ['text'];
      if (draft.amendments > 0) names.push('compilation');
      names.push('consensus-report');
      for (const name of names) {
        const plan = await this.reads.run(() => this.draftPlan(draft.id, name, { language }));
        plans.push({ title: `${draft.title}${DRAFT_DOCUMENT_SUFFIXES[name]}`, plan });
      }
    }
    return plans.map(({ plan, title }) => {
      const key = this.keyOf(plan);
      return {
        name: plan.name,
        language: plan.language,
        symbol: plan.symbol,
        title,
        key,
        fetch: async (signal?: AbortSignal) => {
          const delivery = await this.fetch(key, plan, signal);
          return { content: delivery.content, sha256: delivery.sha256 };
        },
      };
    });
  }

  /** The forum's working languages, as the service started with them. */
  workingLanguages(): Promise<WorkingLanguages> {
    return this.languages;
  }

  /** A document's cache key: the hash of what goes into it and of the templates. */
  private keyOf(plan: Plan): string {
    return createHash('sha256')
      .update(
        JSON.stringify({
          name: plan.name,
          language: plan.language,
          templates: this.templates,
          parts: plan.keyParts,
        }),
      )
      .digest('hex');
  }

  private async deliver(
    principal: Principal | null,
    conditions: DeliveryConditions,
    plan: Plan,
  ): Promise<RenderedDocument> {
    const key = this.keyOf(plan);
    const etag = `"${Buffer.from(key, 'hex').toString('base64url').slice(0, 32)}"`;
    const { symbol } = plan;
    const fileName = fileNameFor(symbol, plan.language === 'en' ? '' : `_${plan.language}`);
    const { ifNoneMatch, signal } = conditions;
    if (
      ifNoneMatch
        ?.split(',')
        .some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
    ) {
      return { buffer: null, fileName, etag, symbol };
    }
    const delivery = await this.fetch(key, plan, signal);
    // A client that left is not audited as having received the document.
    if (signal?.aborted) throw clientGone();
    await this.audit.write({
      occurredAt: new Date(),
      actorId: principal?.userId ?? null,
      actorLabel: principal
        ? `${principal.displayName} <${principal.email}>`
        : 'Chancery (command line)',
      draftId: plan.draftId,
      action: 'document.rendered',
      details: {
        document: plan.name,
        symbol,
        language: plan.language,
        sha256: delivery.sha256,
        bytes: delivery.content.length,
        rendered: delivery.rendered,
      },
    });
    return { buffer: delivery.content, fileName, etag, symbol };
  }

  /** The file from the cache, from a render under way (here or on a peer), or rendered now. */
  private async fetch(key: string, plan: Plan, signal?: AbortSignal): Promise<Delivery> {
    const cached = await this.reads.run(() => this.cache.find(key));
    if (cached) return { ...cached, rendered: false };
    const flight = this.flights.join(
      key,
      (stop) => this.renderOnce(key, plan, stop),
      signal,
      () => clientGone(),
    );
    const shared = await flight.promise;
    // One of the requests that shared the render is the one that caused it.
    const rendered = shared.rendered && !shared.credited;
    shared.credited ||= shared.rendered;
    return { content: shared.content, sha256: shared.sha256, rendered };
  }

  /** Renders the key unless a peer replica does (then waits for its row), and stores the file. */
  private async renderOnce(
    key: string,
    plan: Plan,
    stop: AbortSignal,
  ): Promise<Delivery & { credited: boolean }> {
    const owner = randomUUID();
    const claimTtl = RENDER_TIMEOUT_MS + 5_000;
    const giveUpAt = Date.now() + claimTtl;
    while (!(await this.cache.claim(key, owner, claimTtl))) {
      await delay(PEER_POLL_MS, undefined, { signal: stop });
      const cached = await this.cache.find(key);
      if (cached) return { ...cached, rendered: false, credited: false };
      if (Date.now() > giveUpAt) throw renderingBusy('a peer is still rendering this document');
    }
    try {
      // A peer may have stored it between our look-up and our claim.
      const cached = await this.cache.find(key);
      if (cached) return { ...cached, rendered: false, credited: false };
      // Refused before anything big is loaded: the refusal costs two small queries.
      const slot = this.pool.reserve();
      if (!slot) throw renderingBusy(this.pool.refusal().message);
      let content: Buffer;
      try {
        const render = await plan.load();
        content = await render(slot, stop);
      } catch (error) {
        slot.release();
        throw error instanceof TemplateError
          ? templateBroken(error)
          : error instanceof RenderPoolError
            ? renderingBusy(error.message)
            : error;
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      await this.cache.store(
        { key, document: `${plan.symbol} ${plan.name} ${plan.language}`, content, sha256 },
        owner,
        this.capBytes,
      );
      return { content, sha256, rendered: true, credited: false };
    } catch (error) {
      // A claim left behind only delays peers until it expires: the failure to report is ours.
      await this.cache.release(key, owner).catch(() => undefined);
      throw error;
    }
  }
}
