import { NOTICE_KINDS } from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class NotificationSettingsDto extends createZodDto(
  z.strictObject({
    optOut: z
      .array(z.enum(NOTICE_KINDS))
      .max(NOTICE_KINDS.length * 2)
      .describe('The kinds of notice you do not want (neither in the inbox nor by mail)'),
  }),
) {}

export class NoticeDto extends createZodDto(
  z.object({
    id: z.string().uuid(),
    kind: z.enum(NOTICE_KINDS),
    draftId: z.string().uuid().optional(),
    title: z.string().describe('In your language; deadlines in your time zone'),
    createdAt: z.string().datetime(),
    readAt: z.string().datetime().nullable(),
  }),
) {}
