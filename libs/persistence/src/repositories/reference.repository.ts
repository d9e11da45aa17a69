import type { EntityManager } from 'typeorm';
import { BodyEntity } from '../entities/body.entity';
import { ChairmanshipEntity } from '../entities/chairmanship.entity';
import { ParticipantEntity } from '../entities/participant.entity';

/** Queries only: the forum's reference data (participants, bodies, chairmanships). */
export class ReferenceRepository {
  participants(manager: EntityManager, kind?: string): Promise<ParticipantEntity[]> {
    return manager.getRepository(ParticipantEntity).find({
      where: kind ? { kind } : {},
      order: { kind: 'ASC', code: 'ASC' },
    });
  }

  participant(manager: EntityManager, code: string): Promise<ParticipantEntity | null> {
    return manager.getRepository(ParticipantEntity).findOneBy({ code: code.toUpperCase() });
  }

  bodies(manager: EntityManager): Promise<BodyEntity[]> {
    return manager.getRepository(BodyEntity).find({ order: { level: 'ASC', code: 'ASC' } });
  }

  chairmanships(manager: EntityManager): Promise<ChairmanshipEntity[]> {
    return manager
      .getRepository(ChairmanshipEntity)
      .find({ relations: { participant: true }, order: { startsOn: 'ASC' } });
  }
}
