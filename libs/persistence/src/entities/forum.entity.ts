import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The forum this installation serves (one row); its names in each language are in `languages`. */
@Entity('forum')
@Check('forum_id_check', `id = 1`)
@Check('forum_acronym_check', `acronym ~ '^[A-Z][A-Z0-9]{1,15}$'`)
@Check('forum_name_check', `btrim(name) <> ''`)
@Check('forum_adoption_rule_check', `adoption_rule IN ('original', 'strict')`)
export class ForumEntity {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'forum_pkey' })
  id!: number;
  @Column({ type: 'varchar', length: 16 }) acronym!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) seat!: string | null;
  /**
   * 'original': a text is adopted in its original language, the other versions to follow;
   * 'strict': adoption waits until every working language has a current version.
   */
  @Column({ type: 'varchar', length: 16, default: 'original' }) adoptionRule!: string;
}
