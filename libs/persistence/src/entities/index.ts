import { AgendaItemDraftEntity } from './agenda-item-draft.entity';
import { AgendaItemEntity } from './agenda-item.entity';
import { AmendmentOutcomeEntity } from './amendment-outcome.entity';
import { AmendmentSponsorEntity } from './amendment-sponsor.entity';
import { AmendmentEntity } from './amendment.entity';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditLogEntity } from './audit-log.entity';
import { BodyEntity } from './body.entity';
import { ChairmanshipEntity } from './chairmanship.entity';
import { DocumentCacheEntity, DocumentRenderClaimEntity } from './document-cache.entity';
import { DeskEventEntity } from './desk-event.entity';
import { DraftEntity } from './draft.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { ForumEntity } from './forum.entity';
import { LanguageEntity } from './language.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingPackChunkEntity, MeetingPackEntity } from './meeting-pack.entity';
import { NoticeEntity } from './notice.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';
import { ParticipantEntity } from './participant.entity';
import { PositionEntity } from './position.entity';
import { RevisionEntity } from './revision.entity';
import { SessionEntity } from './session.entity';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { TranslationEntity } from './translation.entity';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export {
  AgendaItemDraftEntity,
  AgendaItemEntity,
  AmendmentEntity,
  AmendmentOutcomeEntity,
  AmendmentSponsorEntity,
  AuditCheckpointEntity,
  AuditLogEntity,
  BodyEntity,
  ChairmanshipEntity,
  DocumentCacheEntity,
  DocumentRenderClaimEntity,
  DeskEventEntity,
  DraftEntity,
  IdempotencyKeyEntity,
  ForumEntity,
  LanguageEntity,
  MeetingEntity,
  MeetingPackChunkEntity,
  MeetingPackEntity,
  NoticeEntity,
  NotificationSettingsEntity,
  ParticipantEntity,
  PositionEntity,
  RevisionEntity,
  SessionEntity,
  SilenceProcedureEntity,
  TranslationEntity,
  UserEntity,
  UserRoleEntity,
};

// Every table the migrations create has an entity here, declared with the constraint names
// PostgreSQL gave them, so that `migration:generate` on a migrated database finds nothing to do
// (test/schema-drift.spec.ts holds it to that).
export const entities: Function[] = [
  AgendaItemDraftEntity,
  AgendaItemEntity,
  AmendmentEntity,
  AmendmentOutcomeEntity,
  AmendmentSponsorEntity,
  AuditCheckpointEntity,
  AuditLogEntity,
  BodyEntity,
  ChairmanshipEntity,
  DocumentCacheEntity,
  DocumentRenderClaimEntity,
  DeskEventEntity,
  DraftEntity,
  IdempotencyKeyEntity,
  ForumEntity,
  LanguageEntity,
  MeetingEntity,
  MeetingPackChunkEntity,
  MeetingPackEntity,
  NoticeEntity,
  NotificationSettingsEntity,
  ParticipantEntity,
  PositionEntity,
  RevisionEntity,
  SessionEntity,
  SilenceProcedureEntity,
  TranslationEntity,
  UserEntity,
  UserRoleEntity,
];
