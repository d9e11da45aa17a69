import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One working language of the forum; a templates folder `templates/<code>/` goes with it. */
@Entity('languages')
@Unique('languages_position_key', ['position'])
@Check('languages_code_check', `code ~ '^[a-z]{2,3}$'`)
@Check('languages_name_check', `btrim(name) <> ''`)
@Check('languages_native_name_check', `btrim(native_name) <> ''`)
@Check('languages_locale_check', `btrim(locale) <> ''`)
@Check('languages_forum_name_check', `btrim(forum_name) <> ''`)
@Check('languages_forum_acronym_check', `btrim(forum_acronym) <> ''`)
export class LanguageEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'languages_pkey' })
  code!: string;
  /** In English: "Russian". */
  @Column({ type: 'text' }) name!: string;
  /** In itself: "русский". */
  @Column({ type: 'text' }) nativeName!: string;
  /** The BCP 47 tag for dates and collation: "ru-RU". */
  @Column({ type: 'text' }) locale!: string;
  /** The forum's name in this language. */
  @Column({ type: 'text' }) forumName!: string;
  @Column({ type: 'text' }) forumAcronym!: string;
  /** The order languages are listed in (the first is the forum's first language). */
  @Column({ type: 'smallint' }) position!: number;
}
