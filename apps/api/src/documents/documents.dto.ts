import { DOCUMENT_LANGUAGES } from '@chancery/documents';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const lang = z.enum(DOCUMENT_LANGUAGES).default('en').describe('Working language of the document');
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
