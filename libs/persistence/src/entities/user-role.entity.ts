import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { BodyEntity } from './body.entity';
import { ParticipantEntity } from './participant.entity';
import { UserEntity } from './user.entity';

/** A role held by a user: a chair chairs one body, a delegate belongs to one member state. */
@Entity('user_roles')
// In SQL this is UNIQUE NULLS NOT DISTINCT, which TypeORM 1.1 cannot declare (UniqueOptions has
// only `deferrable`). The schema builder compares unique constraints by name, so the database
// and this declaration agree; but a generated migration that drops and re-creates it (TypeORM
// does so when it alters one of its columns) would lose NULLS NOT DISTINCT: fix such a migration
// by hand.
@Unique('user_roles_user_id_role_body_id_participant_id_key', [
  'userId',
  'role',
  'bodyId',
  'participantId',
])
@Index('user_roles_one_state_per_delegate', ['userId'], {
  unique: true,
  where: `role = 'delegate'`,
})
@Check('user_roles_role_check', `role IN ('admin', 'secretariat', 'chair', 'delegate', 'observer')`)
// A chair chairs a body; a delegate belongs to a state; no other role names either.
@Check('user_roles_check', `(role = 'chair') = (body_id IS NOT NULL)`)
@Check('user_roles_check1', `(role = 'delegate') = (participant_id IS NOT NULL)`)
export class UserRoleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_roles_pkey' }) id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_roles_user_id_fkey' })
  // Relation<> keeps the class out of the emitted design:type metadata (users and user roles
  // import each other).
  user!: Relation<UserEntity>;
  @Column({ type: 'varchar', length: 16 }) role!: string;
  @Column({ type: 'uuid', nullable: true }) bodyId!: string | null;
  @ManyToOne(() => BodyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'user_roles_body_id_fkey' })
  body!: BodyEntity | null;
  @Column({ type: 'uuid', nullable: true }) participantId!: string | null;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'participant_id',
    foreignKeyConstraintName: 'user_roles_participant_id_fkey',
  })
  participant!: ParticipantEntity | null;
}
