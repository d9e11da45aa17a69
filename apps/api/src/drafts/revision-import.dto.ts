import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const importedParagraph = z.object({
  id: z.string().optional().describe('The id it keeps from the current revision; none if new'),
  text: z.string(),
});

export class RevisionImportPreviewDto extends createZodDto(
  z.object({
    title: z.string(),
    preamble: z.array(importedParagraph),
    operative: z.array(importedParagraph),
    matched: z
      .record(z.string(), z.number())
      .describe(
        'paragraphId → word-level similarity (1 = unchanged) for every paragraph that keeps its id',
      ),
    unmatched: z
      .array(z.string())
      .describe('Ids of current paragraphs that nothing matched (they would be removed)'),
    basedOn: z.number().int().describe('The revision the ids refer to (0 before the first)'),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
) {}
