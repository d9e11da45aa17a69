import { Inject, Injectable } from '@nestjs/common';
import { BodyEntity, ChairmanshipEntity, ParticipantEntity } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';

@Injectable()
export class ReferenceService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async participants(kind?: string) {
    const rows = await this.dataSource.getRepository(ParticipantEntity).find({
      where: kind ? { kind } : {},
      order: { kind: 'ASC', code: 'ASC' },
    });
    return rows.map(toParticipant);
  }

  async participant(code: string) {
    const row = await this.dataSource
      .getRepository(ParticipantEntity)
      .findOneBy({ code: code.toUpperCase() });
    if (!row) throw notFound('Participant', code, 'code');
    return toParticipant(row);
  }

  async bodies() {
    const rows = await this.dataSource
      .getRepository(BodyEntity)
      .find({ order: { level: 'ASC', code: 'ASC' } });
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
    const rows = await this.dataSource
      .getRepository(ChairmanshipEntity)
      .find({ relations: { participant: true }, order: { startsOn: 'ASC' } });
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
