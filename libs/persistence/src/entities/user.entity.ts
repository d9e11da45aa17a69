import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserRoleEntity } from './user-role.entity';

@Entity('users')
@Unique('users_email_key', ['email'])
@Check('users_email_check', `email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'`)
@Check('users_display_name_check', `btrim(display_name) <> ''`)
@Check('users_language_check', `language IN ('en', 'ru')`)
@Check('users_time_zone_check', `btrim(time_zone) <> ''`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' }) id!: string;
  /** Stored lower-case; the database refuses anything else. */
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** The language of the desk and of mail notices; null until the user chooses one. */
  @Column({ type: 'varchar', length: 2, nullable: true }) language!: string | null;
  /** An IANA zone, for the deadlines notices print. */
  @Column({ type: 'text', default: 'UTC' }) timeZone!: string;
  @OneToMany(() => UserRoleEntity, (role) => role.user) roles!: UserRoleEntity[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
