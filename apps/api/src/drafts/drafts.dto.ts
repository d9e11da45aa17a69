import {
  DOCUMENT_TYPES,
  DRAFT_ACTIONS,
  DRAFT_STATUSES,
  LANGUAGE_CODE,
  STANCES,
} from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { DispositionSchema } from '../amendments/amendments.dto';
import { z } from 'zod';

const paragraphInput = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('The id of a paragraph of the previous revision, to keep its identity'),
  text: z.string().max(20000),
});

const revisionFields = {
  title: z.string().trim().min(1).max(1000).optional().describe('Defaults to the previous title'),
  preamble: z.array(paragraphInput).max(2000).default([]),
  operative: z.array(paragraphInput).max(10000).default([]),
  note: z.string().trim().min(1).max(4000).optional().describe('What changed, for the record'),
};

export class CreateDraftDto extends createZodDto(
  z.strictObject({
    type: z.enum(DOCUMENT_TYPES),
    title: z.string().trim().min(1).max(1000),
    adoptingBodyCode: z
      .string()
      .trim()
      .min(1)
      .max(16)
      .describe('The body that adopts it, e.g. "CFM"'),
    meetingId: z
      .string()
      .uuid()
      .optional()
      .describe('The meeting of that body where it is to be adopted'),
    penholder: z
      .string()
      .trim()
      .min(2)
      .max(16)
      .describe('Code of the member state holding the pen'),
    language: z
      .string()
      .regex(LANGUAGE_CODE)
      .describe("The original language: a working language's code (GET /api/languages)"),
    preamble: revisionFields.preamble
      .optional()
      .describe('Text of the first revision, if already available'),
    operative: revisionFields.operative.optional(),
  }),
) {}

export class CreateRevisionDto extends createZodDto(
  z.strictObject({
    ...revisionFields,
    disposition: DispositionSchema.optional(),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .optional()
      .describe('Required when the draft is at consensus: the new text reopens review'),
  }),
) {}

export class TransitionDto extends createZodDto(
  z.strictObject({
    action: z.enum(DRAFT_ACTIONS),
    reason: z.string().trim().min(1).max(4000).optional(),
    meetingId: z.string().uuid().optional().describe('For adopt: the meeting of the adopting body'),
  }),
) {}

export class PositionDto extends createZodDto(
  z.strictObject({
    stance: z.enum(STANCES),
    text: z
      .string()
      .trim()
      .min(1)
      .max(20000)
      .optional()
      .describe('Required for a reservation or an objection'),
    paragraphs: z
      .array(z.string().trim().min(1).max(64))
      .max(500)
      .optional()
      .describe('Ids of the paragraphs concerned'),
    revision: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('The revision read: 409 if the draft has been revised since'),
  }),
) {}

export class SilenceProcedureDto extends createZodDto(
  z.strictObject({
    deadline: z.iso.datetime({
      offset: true,
      message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-15T12:00:00Z',
    }),
  }),
) {}

export class DraftQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(DRAFT_STATUSES).optional(),
    meetingId: z.string().uuid().optional(),
    bodyCode: z.string().trim().min(1).max(16).optional(),
  }),
) {}

export class RevisionQueryDto extends createZodDto(
  z.strictObject({ number: z.coerce.number().int().positive().max(100000) }),
) {}

const paragraphOut = z.object({ id: z.string(), text: z.string() });
export const RevisionSchema = z.object({
  number: z.number().int(),
  symbol: z.string(),
  title: z.string(),
  preamble: z.array(paragraphOut),
  operative: z.array(paragraphOut),
  note: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  openBrackets: z.array(
    z.object({
      paragraphId: z.string().nullable(),
      part: z.string(),
      number: z.number(),
      excerpt: z.string(),
    }),
  ),
});
export class RevisionDto extends createZodDto(RevisionSchema) {}

export class DraftDto extends createZodDto(
  z.object({
    id: z.string().uuid(),
    symbol: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    title: z.string(),
    language: z.string(),
    status: z.enum(DRAFT_STATUSES),
    adoptingBodyCode: z.string(),
    meetingId: z.string().uuid().nullable(),
    penholder: z.string(),
    currentRevision: z
      .number()
      .int()
      .describe('Number of the current revision; 0 before the first'),
    revision: RevisionSchema.nullable().describe('The current revision'),
    consensus: z
      .object({
        method: z.enum(['explicit', 'silence']),
        revision: z.number(),
        at: z.string(),
        by: z.string().nullable(),
      })
      .nullable(),
    adoption: z.object({ meetingId: z.string().uuid(), at: z.string() }).nullable(),
    withdrawnAt: z.string().nullable(),
    silenceProcedure: z
      .object({
        deadline: z.string(),
        status: z.string(),
        revision: z.number(),
        startedAt: z.string(),
        objectors: z.array(z.string()),
      })
      .nullable(),
    availableActions: z.array(
      z.object({
        action: z.enum(DRAFT_ACTIONS),
        ready: z.boolean(),
        needs: z.array(z.string()),
        refusal: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
    etag: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
) {}

export class RecordedPositionDto extends createZodDto(
  z.object({
    draftId: z.string().uuid(),
    revision: z.number().int().describe('The revision the position binds to'),
    stateCode: z.string(),
    stance: z.enum(STANCES),
    text: z.string().nullable(),
    paragraphs: z.array(z.string()),
    onBehalf: z.boolean(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    etag: z.string().describe("The draft's ETag, which a position does not move"),
  }),
) {}

export class ConsensusDto extends createZodDto(
  z.object({
    draftId: z.string().uuid(),
    symbol: z.string(),
    status: z.enum(DRAFT_STATUSES),
    revision: z.number().int(),
    reached: z.boolean(),
    memberStates: z.number().int(),
    concurred: z.array(z.string()),
    reserved: z.array(
      z.object({ stateCode: z.string(), text: z.string(), paragraphs: z.array(z.string()) }),
    ),
    objected: z.array(z.object({ stateCode: z.string(), text: z.string() })),
    notAnswered: z.array(z.string()),
    openBrackets: z.array(
      z.object({
        paragraphId: z.string().nullable(),
        part: z.string(),
        number: z.number(),
        excerpt: z.string(),
      }),
    ),
    silenceProcedure: z
      .object({ deadline: z.string(), status: z.string(), objectors: z.array(z.string()) })
      .nullable(),
    positions: z.array(
      z.object({
        stateCode: z.string(),
        stance: z.enum(STANCES),
        text: z.string().nullable(),
        paragraphs: z.array(z.string()),
        onBehalf: z.boolean(),
        recordedAt: z.string(),
        recordedBy: z.string(),
      }),
    ),
  }),
) {}

export class ConsensusMatrixDto extends createZodDto(
  z.object({
    states: z.array(z.string()).describe('Member states active today, the columns'),
    items: z.array(
      z.object({
        draftId: z.string().uuid(),
        symbol: z.string(),
        title: z.string(),
        status: z.enum(DRAFT_STATUSES),
        adoptingBodyCode: z.string(),
        meetingId: z.string().uuid().nullable(),
        revision: z.number().int(),
        silenceDeadline: z.string().nullable(),
        cells: z.record(z.string(), z.enum([...STANCES, 'none'])),
        counts: z.object({
          concur: z.number(),
          reservation: z.number(),
          objection: z.number(),
          none: z.number(),
        }),
      }),
    ),
    total: z.number().int(),
  }),
) {}

export class AuditEntryDto extends createZodDto(
  z.object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actor: z.string(),
    action: z.string(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  }),
) {}

export class AuditVerificationDto extends createZodDto(
  z.object({
    valid: z.boolean(),
    entries: z.number().int(),
    brokenAt: z
      .object({
        seq: z.number().int(),
        reason: z
          .string()
          .describe(
            'hash-mismatch | link-mismatch | checkpoint-mismatch | checkpoint-forged | checkpoint-missing | truncated',
          ),
      })
      .nullable(),
    checkpointedThrough: z
      .number()
      .int()
      .nullable()
      .describe('The last entry a checkpoint signed with AUDIT_KEY vouches for'),
  }),
) {}
