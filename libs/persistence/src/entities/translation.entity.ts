import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LanguageEntity } from './language.entity';
import { RevisionEntity } from './revision.entity';
import { UserEntity } from './user.entity';

/** A revision's version in a working language other than its original, paragraph for paragraph. */
@Entity('translations')
@Unique('translations_draft_id_revision_number_language_key', [
  'draftId',
  'revisionNumber',
  'language',
])
@ForeignKey(() => RevisionEntity, ['draftId', 'revisionNumber'], ['draftId', 'number'], {
  name: 'translations_draft_id_revision_number_fkey',
  onDelete: 'RESTRICT',
})
@Check('translations_paragraphs_check', `jsonb_typeof(paragraphs) = 'array'`)
@Check('translations_version_check', `version > 0`)
export class TranslationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'translations_pkey' }) id!: string;
  @Column({ type: 'uuid' }) draftId!: string;
  @Column({ type: 'integer' }) revisionNumber!: number;
  @Column({ type: 'varchar', length: 8 })
  @ForeignKey(() => LanguageEntity, { name: 'translations_language_fkey', onDelete: 'RESTRICT' })
  language!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'boolean', default: false }) titleOutdated!: boolean;
  /** [{id, text, outdated}] in the original's order; an untranslated paragraph is absent. */
  @Column({ type: 'jsonb' }) paragraphs!: { id: string; text: string; outdated: boolean }[];
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'translations_updated_by_fkey', onDelete: 'RESTRICT' })
  updatedBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
