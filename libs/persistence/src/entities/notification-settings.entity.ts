import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** A user's choice of what not to be told of; no row means every kind. */
@Entity('notification_settings')
@Check(
  'notification_settings_opt_out_check',
  `opt_out <@ ARRAY['under-review', 'revision', 'silence-started', 'silence-broken', 'consensus', 'adopted', 'amendment']::text[]`,
)
export class NotificationSettingsEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_settings_pkey' })
  @ForeignKey(() => UserEntity, {
    name: 'notification_settings_user_id_fkey',
    onDelete: 'CASCADE',
  })
  userId!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) optOut!: string[];
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
