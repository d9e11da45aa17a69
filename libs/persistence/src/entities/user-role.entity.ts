import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BodyEntity } from './body.entity';
import { ParticipantEntity } from './participant.entity';
import { UserEntity } from './user.entity';

/** A role held by a user: a chair chairs one body, a delegate belongs to one member state. */
@Entity('user_roles')
export class UserRoleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: UserEntity;
  @Column({ type: 'varchar', length: 16 }) role!: string;
  @Column({ type: 'uuid', nullable: true }) bodyId!: string | null;
  @ManyToOne(() => BodyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'body_id' })
  body!: BodyEntity | null;
  @Column({ type: 'uuid', nullable: true }) participantId!: string | null;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'participant_id' })
  participant!: ParticipantEntity | null;
}
