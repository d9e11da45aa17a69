import { DOCUMENT_TYPES, PARTICIPANT_KINDS } from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ParticipantDto extends createZodDto(
  z.object({
    id: z.string().uuid(),
    code: z.string().describe('ISO 3166 alpha-3 for states, an acronym for organisations'),
    kind: z.enum(PARTICIPANT_KINDS),
    name: z.string(),
    nameRu: z.string(),
    joined: z.string().nullable().describe('ISO date; 1 January when only the year is known'),
    uncertain: z.boolean().describe('Weakly sourced entry'),
    note: z.string().nullable(),
  }),
) {}

export class ParticipantQueryDto extends createZodDto(
  z.strictObject({ kind: z.enum(PARTICIPANT_KINDS).optional() }),
) {}

export class BodyDto extends createZodDto(
  z.object({
    id: z.string().uuid(),
    code: z.string(),
    name: z.string(),
    nameRu: z.string(),
    level: z.number().int().describe('1 = highest decision level'),
    adopts: z.array(z.enum(DOCUMENT_TYPES)).describe('Document types this body adopts'),
    reviewsDrafts: z.boolean().describe("Drafts are negotiated under this body's review"),
    meetsEveryYears: z.number().int().nullable(),
  }),
) {}

export class ChairmanshipDto extends createZodDto(
  z.object({
    stateCode: z.string(),
    stateName: z.string(),
    from: z.string(),
    to: z.string().nullable(),
    uncertain: z.boolean(),
    note: z.string().nullable(),
  }),
) {}
