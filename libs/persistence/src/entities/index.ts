import { AgendaItemEntity } from './agenda-item.entity';
import { BodyEntity } from './body.entity';
import { ChairmanshipEntity } from './chairmanship.entity';
import { ForumEntity } from './forum.entity';
import { MeetingEntity } from './meeting.entity';
import { ParticipantEntity } from './participant.entity';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export {
  AgendaItemEntity,
  BodyEntity,
  ChairmanshipEntity,
  ForumEntity,
  MeetingEntity,
  ParticipantEntity,
  UserEntity,
  UserRoleEntity,
};

export const entities: Function[] = [
  AgendaItemEntity,
  BodyEntity,
  ChairmanshipEntity,
  ForumEntity,
  MeetingEntity,
  ParticipantEntity,
  UserEntity,
  UserRoleEntity,
];
