import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('bodies')
export class BodyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16, unique: true }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'integer' }) level!: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) adopts!: string[];
  /** The body whose review a draft is under (the SOC in CICA); at most one. */
  @Column({ type: 'boolean', default: false }) reviewsDrafts!: boolean;
  @Column({ type: 'integer', nullable: true }) meetsEveryYears!: number | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
