import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RevisionEntity } from './revision.entity';
import { UserEntity } from './user.entity';

@Entity('silence_procedures')
@ForeignKey(() => RevisionEntity, ['draftId', 'revisionNumber'], ['draftId', 'number'], {
  name: 'silence_procedures_draft_id_revision_number_fkey',
  onDelete: 'RESTRICT',
})
@Index('silence_one_running', ['draftId'], { unique: true, where: `status = 'running'` })
@Index('silence_due', ['deadline'], { where: `status = 'running'` })
@Check('silence_procedures_status_check', `status IN ('running', 'held', 'broken', 'cancelled')`)
@Check('silence_procedures_check', `(status = 'running') = (concluded_at IS NULL)`)
@Check('silence_procedures_check1', `deadline > started_at`)
export class SilenceProcedureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'silence_procedures_pkey' })
  id!: string;
  @Column({ type: 'uuid' }) draftId!: string;
  @Column({ type: 'integer' }) revisionNumber!: number;
  @Column({ type: 'timestamptz' }) deadline!: Date;
  @Column({ type: 'varchar', length: 16, default: 'running' }) status!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, {
    name: 'silence_procedures_started_by_fkey',
    onDelete: 'RESTRICT',
  })
  startedBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) concludedAt!: Date | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) objectors!: string[];
}
