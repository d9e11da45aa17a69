import { type DocumentLanguage, defaultTemplatesDir } from '@chancery/documents';
import { DraftRepository, AmendmentRepository } from '@chancery/persistence';
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
import { buildCompilationData } from './compilation-data';
import { DocumentDataBuilder } from './document-data.builder';
import {
  type DeliveryConditions,
  DocumentDelivery,
  type Plan,
  type RenderedDocument,
} from './document-delivery';
import { ReadGate } from './read-gate';
import { redlineOrder } from './documents.errors';
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

/**
 * Delivers the meeting's Word documents: per kind of document, what its cache key is made of
 * and how its data is loaded; rendering once per content, the cache and the ETag are
 * DocumentDelivery's.
 */
@Injectable()
export class DocumentsService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly delivery: DocumentDelivery;
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
    this.reads = new ReadGate(Math.max(2, Math.floor(config.DATABASE_POOL_SIZE / 2)));
    this.delivery = new DocumentDelivery(
      dataSource,
      templatesDir,
      config.RENDER_THREADS,
      config.DOCUMENT_CACHE_MB * 1024 * 1024,
      this.reads,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.delivery.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  /** Renders sharing a key in this process now (for tests). */
  get rendersInFlight(): number {
    return this.delivery.rendersInFlight;
  }

  async meetingDocument(
    principal: Principal | null,
    meetingId: string,
    name: MeetingDocumentName,
    asked: DocumentLanguage | undefined,
    conditions: DeliveryConditions = {},
  ): Promise<RenderedDocument> {
    const language = (await this.languages).resolve(asked);
    return this.delivery.deliver(
      principal,
      conditions,
      await this.meetingPlan(meetingId, name, language),
    );
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
    return this.delivery.deliver(principal, conditions, plan);
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
    return this.delivery.deliver(
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
      const key = this.delivery.keyOf(plan);
      return {
        name: plan.name,
        language: plan.language,
        symbol: plan.symbol,
        title,
        key,
        fetch: async (signal?: AbortSignal) => {
          const delivery = await this.delivery.fetch(key, plan, signal);
          return { content: delivery.content, sha256: delivery.sha256 };
        },
      };
    });
  }

  /** The forum's working languages, as the service started with them. */
  workingLanguages(): Promise<WorkingLanguages> {
    return this.languages;
  }
}
