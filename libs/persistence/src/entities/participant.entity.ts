import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('participants')
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) nameRu!: string;
  @Column({ type: 'date', nullable: true }) joined!: string | null;
  @Column({ type: 'date', nullable: true }) leftOn!: string | null;
  @Column({ type: 'boolean', default: false }) uncertain!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
