import { TRANSLATION_STATUSES } from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const translatedParagraph = z.strictObject({
  id: z.string().trim().min(1).max(64).describe("The original paragraph's id"),
  text: z.string().max(20000),
});

export class PutTranslationDto extends createZodDto(
  z.strictObject({
    title: z.string().trim().min(1).max(1000),
    preamble: z.array(translatedParagraph).max(2000).default([]),
    operative: z.array(translatedParagraph).max(10000).default([]),
  }),
) {}

const paragraphOut = z.object({
  id: z.string(),
  text: z.string().nullable().describe('Null: not translated yet'),
  original: z.string(),
  outdated: z
    .boolean()
    .describe('The original changed since this was translated (or it is missing)'),
});

export class TranslationDto extends createZodDto(
  z.object({
    draftId: z.string().uuid(),
    symbol: z.string(),
    revision: z.number().int(),
    currentRevision: z.number().int(),
    language: z.string(),
    original: z.string().describe("The draft's original language"),
    status: z.enum(TRANSLATION_STATUSES),
    title: z.string().nullable(),
    originalTitle: z.string(),
    titleOutdated: z.boolean(),
    preamble: z.array(paragraphOut),
    operative: z.array(paragraphOut),
    outdatedParagraphs: z.array(z.string()),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  }),
) {}

export class TranslationStatusDto extends createZodDto(
  z.object({
    language: z.string(),
    revision: z.number().int(),
    status: z.enum(TRANSLATION_STATUSES),
    outdatedParagraphs: z.array(z.string()),
    titleOutdated: z.boolean(),
  }),
) {}

export class LanguageDto extends createZodDto(
  z.object({
    code: z.string(),
    name: z.string(),
    nativeName: z.string(),
    locale: z.string(),
    forumName: z.string(),
    forumAcronym: z.string(),
  }),
) {}
