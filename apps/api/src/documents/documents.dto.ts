import { LANGUAGE_FOLDER } from '@chancery/documents';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

// Whether the forum works in the language is data: an unknown one is refused with a 404 there.
const lang = z
  .string()
  .regex(LANGUAGE_FOLDER)
  .optional()
  .describe("A working language's code (GET /api/languages); default: the forum's first language");
const revisionNumber = z.coerce.number().int().positive().max(100000);

export class LanguageQueryDto extends createZodDto(z.strictObject({ lang })) {}

export class TextQueryDto extends createZodDto(
  z.strictObject({
    lang,
    revision: revisionNumber.optional().describe('Default: the current revision'),
  }),
) {}

export class RedlineQueryDto extends createZodDto(
  z.strictObject({
    lang,
    from: revisionNumber.optional().describe('Default: the revision before `to`'),
    to: revisionNumber.optional().describe('Default: the current revision'),
  }),
) {}
