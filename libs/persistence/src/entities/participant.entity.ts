import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('participants')
@Unique('participants_code_key', ['code'])
@Check('participants_code_check', `code ~ '^[A-Z][A-Z0-9-]{1,15}$'`)
@Check(
  'participants_kind_check',
  `kind IN ('member-state', 'observer-state', 'observer-organisation', 'partner-organisation')`,
)
@Check('participants_name_check', `btrim(name) <> ''`)
@Check('participants_name_ru_check', `btrim(name_ru) <> ''`)
// States are named by their ISO 3166 alpha-3 code; organisations by an acronym.
@Check(
  'participants_check',
  `kind NOT IN ('member-state', 'observer-state') OR code ~ '^[A-Z]{3}$'`,
)
@Check('participants_check1', `left_on IS NULL OR joined IS NULL OR left_on > joined`)
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'participants_pkey' }) id!: string;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'date', nullable: true }) joined!: string | null;
  @Column({ type: 'date', nullable: true }) leftOn!: string | null;
  @Column({ type: 'boolean', default: false }) uncertain!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
