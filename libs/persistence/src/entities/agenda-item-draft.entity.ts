import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity';
import { DraftEntity } from './draft.entity';

/** Which drafts an agenda item takes up. */
@Entity('agenda_item_drafts')
@Index('agenda_item_drafts_draft_id', ['draftId'])
export class AgendaItemDraftEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'agenda_item_drafts_pkey' })
  @ForeignKey(() => AgendaItemEntity, {
    name: 'agenda_item_drafts_agenda_item_id_fkey',
    onDelete: 'CASCADE',
  })
  agendaItemId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'agenda_item_drafts_pkey' })
  @ForeignKey(() => DraftEntity, { name: 'agenda_item_drafts_draft_id_fkey', onDelete: 'CASCADE' })
  draftId!: string;
}
