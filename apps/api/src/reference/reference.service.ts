import { Inject, Injectable } from '@nestjs/common';
import { type ParticipantEntity, ReferenceRepository } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';

/** The forum's reference data for the API and the desk. */
@Injectable()
export class ReferenceService {
  private readonly reference = new ReferenceRepository();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async participants(kind?: string) {
    const rows = await this.reference.participants(this.dataSource.manager, kind);
    return rows.map(toParticipant);
  }

  async participant(code: string) {
    const row = await this.reference.participant(this.dataSource.manager, code);
    if (!row) throw notFound('Participant', code, 'code');
    return toParticipant(row);
  }

  async bodies() {
    const rows = await this.reference.bodies(this.dataSource.manager);
    return rows.map((b) => ({
      id: b.id,
      code: b.code,
      name: b.name,
      nameRu: b.nameRu,
      level: b.level,
      adopts: b.adopts,
      reviewsDrafts: b.reviewsDrafts,
      meetsEveryYears: b.meetsEveryYears,
    }));
  }

  async chairmanships() {
    const rows = await this.reference.chairmanships(this.dataSource.manager);
    return rows.map((c) => ({
      stateCode: c.participant.code,
      stateName: c.participant.name,
      from: c.startsOn,
      to: c.endsOn,
      uncertain: c.uncertain,
      note: c.note,
    }));
  }
}

function toParticipant(p: ParticipantEntity) {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    name: p.name,
    nameRu: p.nameRu,
    joined: p.joined,
    uncertain: p.uncertain,
    note: p.note,
  };
}
