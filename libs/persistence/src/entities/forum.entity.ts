import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The forum this installation serves (one row): its names come from data, never from code. */
@Entity('forum')
export class ForumEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id!: number;
  @Column({ type: 'varchar', length: 16 }) acronym!: string;
  @Column({ type: 'varchar', length: 16 }) acronymRu!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'text', nullable: true }) seat!: string | null;
}
