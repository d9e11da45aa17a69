import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AmendmentEntity } from './amendment.entity';
import { ParticipantEntity } from './participant.entity';

/** A state co-sponsoring an amendment (the proposing state is not listed: it is the author). */
@Entity('amendment_sponsors')
export class AmendmentSponsorEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'amendment_sponsors_pkey' })
  @ForeignKey(() => AmendmentEntity, {
    name: 'amendment_sponsors_amendment_id_fkey',
    onDelete: 'RESTRICT',
  })
  amendmentId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'amendment_sponsors_pkey' })
  @ForeignKey(() => ParticipantEntity, {
    name: 'amendment_sponsors_participant_id_fkey',
    onDelete: 'RESTRICT',
  })
  participantId!: string;
  @Column({ type: 'boolean', default: false }) onBehalf!: boolean;
  @Column({ type: 'timestamptz', default: () => 'now()' }) joinedAt!: Date;
}
