import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('bodies')
@Unique('bodies_code_key', ['code'])
@Index('bodies_one_reviewing_body', ['reviewsDrafts'], { unique: true, where: 'reviews_drafts' })
@Check('bodies_code_check', `code ~ '^[A-Z][A-Z0-9]{1,15}$'`)
@Check('bodies_name_check', `btrim(name) <> ''`)
@Check('bodies_name_ru_check', `btrim(name_ru) <> ''`)
@Check('bodies_level_check', `level > 0`)
@Check(
  'bodies_adopts_check',
  `adopts <@ ARRAY['statement', 'declaration', 'concept-paper', 'action-plan', 'calendar', 'budget', 'decision', 'report']::text[]`,
)
@Check('bodies_meets_every_years_check', `meets_every_years > 0`)
export class BodyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bodies_pkey' }) id!: string;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'integer' }) level!: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) adopts!: string[];
  /** The body whose review a draft is under (the SOC in CICA); at most one. */
  @Column({ type: 'boolean', default: false }) reviewsDrafts!: boolean;
  @Column({ type: 'integer', nullable: true }) meetsEveryYears!: number | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
