import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { UserRoleEntity } from './user-role.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-case; the database refuses anything else. */
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @OneToMany(() => UserRoleEntity, (role) => role.user) roles!: UserRoleEntity[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
