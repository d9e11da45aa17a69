import { LANGUAGE_FOLDER } from '@chancery/documents';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const PACK_FORMATS = ['docx', 'pdf'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export class PackRequestDto extends createZodDto(
  z.strictObject({
    languages: z
      .array(z.string().regex(LANGUAGE_FOLDER))
      .min(1)
      .max(20)
      .optional()
      .describe('Working languages (GET /api/languages); default: every one'),
    formats: z
      .array(z.enum(PACK_FORMATS))
      .min(1)
      .max(PACK_FORMATS.length)
      .optional()
      .describe('Default: Word and PDF (Word only where LibreOffice is missing)'),
  }),
) {}

export class PackAcceptedDto extends createZodDto(
  z.object({
    jobId: z.uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    cached: z.boolean().describe('True when an unchanged pack was already built (or building)'),
  }),
) {}

export class JobDto extends createZodDto(
  z.object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    createdAt: z.string(),
    error: z.string().optional(),
    result: z
      .object({
        file: z.string().describe('GET it for the archive'),
        bytes: z.number().int(),
        sha256: z.string(),
        files: z.number().int(),
        formats: z.array(z.enum(PACK_FORMATS)),
        pdf: z.object({ included: z.boolean(), reason: z.string().optional() }),
      })
      .optional(),
  }),
) {}
