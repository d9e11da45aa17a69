import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const MEETING_FORMATS = ['in-person', 'videoconference', 'hybrid'] as const;
export const MEETING_STATUSES = ['planned', 'convened', 'closed', 'cancelled'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

const meetingFields = {
  title: text(500),
  titleRu: text(500).nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  venue: text(300).nullable().optional(),
  venueRu: text(300).nullable().optional(),
  format: z.enum(MEETING_FORMATS),
  chair: text(300).nullable().optional().describe('Who chairs the meeting (name and title)'),
  coChairs: z.array(text(300)).max(10).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  note: text(4000).nullable().optional(),
};

const datesInOrder = (value: { startsOn?: string; endsOn?: string }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const datesMessage = { message: 'must not be before startsOn', path: ['endsOn'] };

export class CreateMeetingDto extends createZodDto(
  z
    .strictObject({
      bodyCode: z.string().trim().min(1).max(16).describe('e.g. "CFM"'),
      sequence: z
        .number()
        .int()
        .positive()
        .max(100000)
        .optional()
        .describe('Defaults to the next number for the body'),
      ...meetingFields,
    })
    .refine(datesInOrder, datesMessage),
) {}

export class UpdateMeetingDto extends createZodDto(
  z
    .strictObject({
      title: meetingFields.title.optional(),
      titleRu: meetingFields.titleRu,
      startsOn: isoDate.optional(),
      endsOn: isoDate.optional(),
      venue: meetingFields.venue,
      venueRu: meetingFields.venueRu,
      format: meetingFields.format.optional(),
      chair: meetingFields.chair,
      coChairs: meetingFields.coChairs,
      status: meetingFields.status,
      note: meetingFields.note,
    })
    .refine(datesInOrder, datesMessage)
    .refine((value) => Object.keys(value).length > 0, {
      message: 'name at least one field to change',
    }),
) {}

export class MeetingQueryDto extends createZodDto(
  z.strictObject({
    bodyCode: z.string().trim().min(1).max(16).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
  }),
) {}

const agendaFields = {
  title: text(1000),
  titleRu: text(1000).nullable().optional(),
  annotation: text(20000).nullable().optional(),
  annotationRu: text(20000).nullable().optional(),
  draftIds: z
    .array(z.string().uuid())
    .max(50)
    .optional()
    .describe('Drafts considered under this item'),
};

export class CreateAgendaItemDto extends createZodDto(
  z.strictObject({
    ...agendaFields,
    number: z
      .number()
      .int()
      .positive()
      .max(1000)
      .optional()
      .describe('Insert at this number; default: at the end'),
  }),
) {}

export class UpdateAgendaItemDto extends createZodDto(
  z
    .strictObject({
      title: agendaFields.title.optional(),
      titleRu: agendaFields.titleRu,
      annotation: agendaFields.annotation,
      annotationRu: agendaFields.annotationRu,
      draftIds: agendaFields.draftIds,
    })
    .refine((value) => Object.keys(value).length > 0, {
      message: 'name at least one field to change',
    }),
) {}

export class ReorderAgendaDto extends createZodDto(
  z.strictObject({
    itemIds: z
      .array(z.string().uuid())
      .min(1)
      .max(1000)
      .describe('Every item of the agenda, in the new order'),
  }),
) {}

const AgendaItemSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  titleRu: z.string().nullable(),
  annotation: z.string().nullable(),
  annotationRu: z.string().nullable(),
  draftIds: z.array(z.string().uuid()),
});
export class AgendaItemDto extends createZodDto(AgendaItemSchema) {}

const MeetingSchema = z.object({
  id: z.string().uuid(),
  bodyCode: z.string(),
  bodyName: z.string(),
  sequence: z.number().int(),
  title: z.string(),
  titleRu: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  venueRu: z.string().nullable(),
  format: z.enum(MEETING_FORMATS),
  chair: z.string().nullable(),
  coChairs: z.array(z.string()),
  status: z.enum(MEETING_STATUSES),
  note: z.string().nullable(),
  version: z.number().int(),
  etag: z.string(),
});
export class MeetingDto extends createZodDto(MeetingSchema) {}
export class MeetingWithAgendaDto extends createZodDto(
  MeetingSchema.extend({ agenda: z.array(AgendaItemSchema) }),
) {}
