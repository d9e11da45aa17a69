export { buildDataSourceOptions, connectionUrl } from './data-source-options';
export type { DatabaseConnectionSettings } from './data-source-options';
export { migrate, openDatabase } from './database';
export type { OpenDatabase, OpenDatabaseOptions } from './database';
export { startEmbeddedDatabase } from './embedded-database';
export type { EmbeddedDatabase, EmbeddedDatabaseOptions } from './embedded-database';
export * from './entities';
export { seedDemo } from './seed/seed-demo';
export type { SeedHooks, SeedIds, SeedResult } from './seed/seed-demo';
export {
  GENESIS_HASH,
  appendAudit,
  appendAudits,
  auditHash,
  verifyAuditChain,
} from './audit-chain';
export type { AuditRecord, ChainVerification, StoredAuditEntry } from './audit-chain';
export { DraftRepository } from './repositories/draft.repository';
export type { DraftListFilter } from './repositories/draft.repository';
export { DraftWriteRepository } from './repositories/draft-write.repository';
export type {
  AppliedChange,
  ChangeContext,
  NewDraft,
  NewPosition,
} from './repositories/draft-write.repository';
export { draftFacts, toPositionRecord } from './repositories/draft-rows';
export type {
  AuditEntryRow,
  DraftRow,
  DraftSnapshot,
  MatrixRow,
  MemberStateRow,
  PositionRow,
  RevisionRow,
  SilenceRow,
} from './repositories/draft-rows';
export { MeetingRepository } from './repositories/meeting.repository';
export type {
  AgendaRow,
  MeetingRow,
  NewAgendaItem,
  NewMeeting,
} from './repositories/meeting.repository';
export { ReferenceRepository } from './repositories/reference.repository';
export { UserRepository, UserSettingsRepository } from './repositories/user.repository';
export type { PrincipalRow } from './repositories/user.repository';
export { DocumentRepository } from './repositories/document.repository';
export type {
  AgendaDocumentRow,
  ForumRow,
  ListedDocumentRow,
  MeetingDocumentRow,
} from './repositories/document.repository';
export { DocumentCacheRepository } from './repositories/document-cache.repository';
export type { CachedDocument, DocumentToCache } from './repositories/document-cache.repository';
export { useAuditKey } from './audit-checkpoint';
export { applyServiceGrants, auditProtection } from './database-roles';
export type { AuditProtection } from './database-roles';
export {
  AmendmentRepository,
  amendmentFacts,
  amendmentRecord,
  amendmentStatus,
} from './repositories/amendment.repository';
export type { AmendmentOutcomeRow, AmendmentRow } from './repositories/amendment.repository';
export { NoticeRepository } from './repositories/notice.repository';
export type { DueNoticeRow, NoticeRow, StateNames } from './repositories/notice.repository';
export { SessionRepository } from './repositories/session.repository';
export { IdempotencyRepository } from './repositories/idempotency.repository';
export type { StoredAnswer } from './repositories/idempotency.repository';
export { DESK_EVENTS_CHANNEL, DeskEventLog } from './repositories/desk-event-log';
export type { DeskEvent, DeskEventInput, DeskEventType } from './repositories/desk-event-log';
export { JOB_QUEUE_SCHEMA, dropJobQueueSchema, ensureJobQueueSchema } from './job-queue-schema';
export { LanguageRepository } from './repositories/language.repository';
export type {
  LanguageRow,
  TranslationRow,
  TranslationToStore,
} from './repositories/language.repository';
export { localized, localizedOrNull } from './repositories/localized';
export { MeetingPackRepository } from './repositories/meeting-pack.repository';
export type {
  MeetingPackRow,
  PackDraftRow,
  PackStatus,
} from './repositories/meeting-pack.repository';
