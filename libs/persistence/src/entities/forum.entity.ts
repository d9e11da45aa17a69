import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The forum this installation serves (one row): its names come from data, never from code. */
@Entity('forum')
@Check('forum_id_check', `id = 1`)
@Check('forum_acronym_check', `acronym ~ '^[A-Z][A-Z0-9]{1,15}$'`)
@Check('forum_name_check', `btrim(name) <> ''`)
@Check('forum_name_ru_check', `btrim(name_ru) <> ''`)
export class ForumEntity {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'forum_pkey' })
  id!: number;
  @Column({ type: 'varchar', length: 16 }) acronym!: string;
  @Column({ type: 'varchar', length: 16 }) acronymRu!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'text', nullable: true }) seat!: string | null;
}
