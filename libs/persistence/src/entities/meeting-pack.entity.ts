import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MeetingEntity } from './meeting.entity';
import { UserEntity } from './user.entity';

/** A meeting pack (written by MeetingPackRepository); its id is its job's. */
@Entity('meeting_packs')
@Index('meeting_packs_meeting_id', ['meetingId', 'inputHash', 'createdAt'])
@Check('meeting_packs_input_hash_check', `input_hash ~ '^[0-9a-f]{64}$'`)
@Check('meeting_packs_status_check', `status IN ('queued', 'running', 'done', 'failed')`)
@Check('meeting_packs_done_check', `done >= 0`)
@Check('meeting_packs_total_check', `total >= 0`)
export class MeetingPackEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'meeting_packs_pkey' }) id!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => MeetingEntity, { name: 'meeting_packs_meeting_id_fkey', onDelete: 'CASCADE' })
  meetingId!: string;
  @Column({ type: 'text' }) inputHash!: string;
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ type: 'text', array: true }) formats!: string[];
  @Column({ type: 'varchar', length: 16, default: 'queued' }) status!: string;
  @Column({ type: 'integer', default: 0 }) done!: number;
  @Column({ type: 'integer', default: 0 }) total!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'jsonb', nullable: true }) manifest!: unknown;
  @Column({ type: 'bigint', nullable: true }) bytes!: string | null;
  @Column({ type: 'text', nullable: true }) sha256!: string | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'meeting_packs_requested_by_fkey', onDelete: 'SET NULL' })
  requestedBy!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

/** 1 MiB of a pack's archive, in order. */
@Entity('meeting_pack_chunks')
@Check('meeting_pack_chunks_seq_check', `seq >= 0`)
export class MeetingPackChunkEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_pack_chunks_pkey' })
  @ForeignKey(() => MeetingPackEntity, {
    name: 'meeting_pack_chunks_pack_id_fkey',
    onDelete: 'CASCADE',
  })
  packId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'meeting_pack_chunks_pkey' })
  seq!: number;
  @Column({ type: 'bytea' }) data!: Buffer;
}
