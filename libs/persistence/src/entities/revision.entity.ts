import type { RevisionContent } from '@chancery/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DraftEntity } from './draft.entity';
import { UserEntity } from './user.entity';

/** An immutable revision of a draft (a trigger refuses UPDATE and DELETE; TypeORM does not see triggers). */
@Entity('revisions')
@Unique('revisions_draft_id_number_key', ['draftId', 'number'])
@Check('revisions_number_check', `number > 0`)
@Check('revisions_title_check', `btrim(title) <> ''`)
@Check(
  'revisions_content_check',
  `jsonb_typeof(content -> 'preamble') = 'array' AND jsonb_typeof(content -> 'operative') = 'array'`,
)
export class RevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'revisions_pkey' }) id!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => DraftEntity, { name: 'revisions_draft_id_fkey', onDelete: 'RESTRICT' })
  draftId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) content!: RevisionContent;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'revisions_created_by_fkey', onDelete: 'RESTRICT' })
  createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
