import { AMENDMENT_OUTCOMES, AMENDMENT_STATUSES } from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const paragraphId = z.string().trim().min(1).max(64);
const text = z.string().max(20000);

// One of three shapes (DESIGN): replace a paragraph's text, insert one after it, delete it.
// The domain checks which paragraph each names and says which change is at fault.
export const AmendmentChangeSchema = z.union([
  z.strictObject({ paragraphId, text }).describe("Replace the paragraph's text"),
  z.strictObject({ after: paragraphId, text }).describe('A new paragraph after this one'),
  z.strictObject({ paragraphId, delete: z.literal(true) }).describe('Delete the paragraph'),
]);

export class ProposeAmendmentDto extends createZodDto(
  z.strictObject({
    revision: z
      .number()
      .int()
      .positive()
      .describe('The revision read and amended: 409 if the draft has been revised since'),
    stateCode: z.string().trim().min(2).max(16).describe('The proposing member state'),
    changes: z.array(AmendmentChangeSchema).min(1).max(200),
    note: z.string().trim().max(4000).optional().describe('Explanation, printed under it'),
  }),
) {}

export class AmendmentQueryDto extends createZodDto(
  z.strictObject({
    revision: z.coerce
      .number()
      .int()
      .positive()
      .max(100000)
      .optional()
      .describe('Only the amendments proposed on this revision'),
  }),
) {}

export const DispositionSchema = z
  .strictObject({
    accepted: z.array(z.string().uuid()).max(1000).default([]),
    bracketed: z.array(z.string().uuid()).max(1000).default([]),
  })
  .describe(
    'Amendments to the current revision accepted into the text or entered in brackets; the rest are not retained. The server computes the text',
  );

const changeOut = z.union([
  z.object({ paragraphId: z.string(), text: z.string() }),
  z.object({ after: z.string(), text: z.string() }),
  z.object({ paragraphId: z.string(), delete: z.literal(true) }),
]);

export class AmendmentDto extends createZodDto(
  z.object({
    id: z.string().uuid(),
    number: z.number().int().describe('1, 2, … per draft'),
    stateCode: z.string(),
    stateName: z.string(),
    sponsors: z.array(z.string()).describe('Co-sponsoring states, in the order they joined'),
    revision: z.number().int().describe('The revision it was proposed on'),
    status: z.enum(AMENDMENT_STATUSES),
    changes: z.array(changeOut),
    note: z.string().nullable(),
    onBehalf: z.boolean().describe('Entered by the secretariat for the state (note verbale)'),
    createdAt: z.string(),
    createdBy: z.string(),
    withdrawnAt: z.string().nullable(),
    outcome: z
      .object({
        outcome: z.enum(AMENDMENT_OUTCOMES),
        revision: z.number().int().describe('The revision that disposed of it'),
        decidedAt: z.string(),
      })
      .nullable(),
  }),
) {}

export class AmendmentImportPreviewDto extends createZodDto(
  z.object({
    revision: z.number().int().describe('The revision the amendments would be proposed on'),
    stateCode: z.string().describe('The proposing member state'),
    amendments: z
      .array(
        z.object({
          changes: z.array(changeOut),
          authors: z.array(z.string()).describe("Word's authors of the tracked changes (w:author)"),
          date: z.string().nullable().describe('The latest date Word recorded (w:date)'),
          note: z.string().describe('The note it would carry, naming where it came from'),
        }),
      )
      .describe('One amendment per changed paragraph, in reading order'),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
) {}
