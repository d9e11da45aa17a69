import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type DocumentLanguage,
  DocumentRenderPool,
  type RenderSlot,
  RenderPoolError,
  TemplateError,
  templatesDigest,
} from '@chancery/documents';
import { type CachedDocument, DocumentCacheRepository } from '@chancery/persistence';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DeliveryAudit } from './delivery-audit';
import { clientGone, renderingBusy, templateBroken } from './documents.errors';
import { MemoryRelease } from './memory-release';
import type { ReadGate } from './read-gate';
import { SharedFlights } from './shared-flights';

export interface RenderedDocument {
  /** Null when the caller's If-None-Match already names this content: nothing was rendered. */
  buffer: Buffer | null;
  fileName: string;
  etag: string;
  symbol: string;
}

/** What the HTTP request brings besides its parameters. */
export interface DeliveryConditions {
  ifNoneMatch?: string;
  /** Fires when the client goes away: its render stops if nobody else waits for it. */
  signal?: AbortSignal;
}

/** A document to deliver: its cache key's parts, and how to load its data and render it. */
export interface Plan {
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
/** Quiet this long after the last delivery, the memory of the burst is given back. */
const RELEASE_AFTER_QUIET_MS = 15_000;

function fileNameFor(symbol: string, suffix = ''): string {
  return `${symbol.replace(/[^A-Za-z0-9.-]+/g, '_')}${suffix}.docx`;
}

/**
 * Renders each document once per content: its key is a hash of what goes into it (versions and
 * small facts read cheaply, and the templates' digest), rendered files live in PostgreSQL
 * (shared by every replica, capped, least recently used evicted first), concurrent requests for
 * one key share one render in this process and wait for a peer's render across replicas. The
 * key is also the ETag, so a client holding the content gets a 304.
 */
export class DocumentDelivery {
  private readonly pool: DocumentRenderPool;
  private readonly templates: string;
  private readonly cache: DocumentCacheRepository;
  private readonly flights = new SharedFlights<Delivery & { credited: boolean }>();
  private readonly audit: DeliveryAudit;
  private readonly memory: MemoryRelease;
  private readonly logger = new Logger('Documents');

  constructor(
    dataSource: DataSource,
    templatesDir: string,
    renderThreads: number,
    private readonly capBytes: number,
    private readonly reads: ReadGate,
  ) {
    this.templates = templatesDigest(templatesDir);
    this.pool = new DocumentRenderPool({
      templatesDir,
      maxThreads: renderThreads,
      taskTimeoutMs: RENDER_TIMEOUT_MS,
    });
    this.cache = new DocumentCacheRepository(dataSource);
    this.audit = new DeliveryAudit(dataSource);
    this.memory = new MemoryRelease(
      RELEASE_AFTER_QUIET_MS,
      () => this.flights.size > 0 || this.pool.pendingCount > 0,
      undefined,
      ({ ms, freedMb }) =>
        this.logger.debug(
          `after a burst of downloads: ${freedMb} MB of heap given back in ${ms} ms`,
        ),
    );
  }

  /** Renders nobody can receive any more are stopped, not awaited. */
  async close(): Promise<void> {
    this.memory.close();
    this.flights.abortAll();
    await this.pool.close({ abandon: true });
  }

  get rendersInFlight(): number {
    return this.flights.size;
  }

  /** A document's cache key: the hash of what goes into it and of the templates. */
  keyOf(plan: Plan): string {
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

  async deliver(
    principal: Principal | null,
    conditions: DeliveryConditions,
    plan: Plan,
  ): Promise<RenderedDocument> {
    this.memory.touch();
    try {
      return await this.deliverNow(principal, conditions, plan);
    } finally {
      this.memory.touch();
    }
  }

  private async deliverNow(
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
  async fetch(key: string, plan: Plan, signal?: AbortSignal): Promise<Delivery> {
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
