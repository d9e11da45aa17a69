import { DRAFT_ACTIONS, STANCES } from '@chancery/domain';
import { z } from 'zod';
import { AmendmentChangeSchema } from '../amendments/amendments.dto';

/**
 * Form bodies as the browser sends them (application/x-www-form-urlencoded): every value is a
 * string, a repeated field is an array. Each form's fields are parsed here; anything else in
 * the body (the CSRF token, the confirmation flag) is left aside.
 */
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : undefined));
/** A field that may be sent once or repeated; absent means none. */
const many = (item: z.ZodType<string>) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const LoginForm = z.object({
  email: text(254),
  password: z.string().max(1024),
  next: optionalText(500),
});

export const TransitionForm = z.object({
  action: z.enum(DRAFT_ACTIONS),
  etag: text(100),
  reason: optionalText(4000),
  meetingId: z
    .string()
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const PositionForm = z.object({
  revision: z.coerce.number().int().min(0),
  stance: z.enum(STANCES, { message: 'choose concur, reservation or objection' }),
  text: optionalText(20000),
  paragraphs: many(text(64)),
});

export const SilenceForm = z.object({
  etag: text(100),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'give the deadline as a date and a time')
    .transform((value) => `${value}:00Z`),
});

export const RevisionForm = z.object({
  etag: text(100),
  title: optionalText(1000),
  note: optionalText(4000),
  reason: optionalText(4000),
  preambleId: many(z.string().max(64)),
  preambleText: many(z.string().max(20000)),
  operativeId: many(z.string().max(64)),
  operativeText: many(z.string().max(20000)),
});

export const AmendmentForm = z.object({
  revision: z.coerce.number().int().min(1),
  stateCode: text(16).min(2, 'choose the member state'),
  paragraphId: text(64).min(1, 'choose the paragraph'),
  kind: z.enum(['replace', 'insert', 'delete'], { message: 'choose replace, insert or delete' }),
  text: optionalText(20000),
  note: optionalText(4000),
});

export const AgendaItemForm = z.object({
  title: text(1000).min(1, 'give the item a title'),
  annotation: optionalText(20000),
});

export const ReorderForm = z.object({
  etag: text(100),
  itemId: many(z.string().uuid()),
});

/** Whether the official ticked "I confirm" or confirmed in the dialog. */
export function confirmed(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>).confirmed === 'yes'
  );
}

/** The confirmation of a Word copy's amendments: the previewed proposals, sent back as JSON. */
export const AmendmentImportForm = z.object({
  revision: z.coerce.number().int().min(1),
  stateCode: text(16).min(2, 'choose the member state'),
  file: text(255).default(''),
  proposals: z
    .string()
    .max(900_000)
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'the previewed amendments are unreadable' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(
          z.strictObject({
            changes: z.array(AmendmentChangeSchema).min(1).max(200),
            note: z.string().max(4000).optional(),
          }),
        )
        .min(1)
        .max(500),
    ),
});

export function fields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

export function parseForm<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return schema.parse(fields(body));
}

/** A form's fields as the browser sent them, for the confirmation page to send again. */
export function repeatFields(body: unknown): { name: string; value: string }[] {
  return Object.entries(fields(body))
    .filter(([name]) => name !== '_csrf' && name !== 'confirmed')
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: String(item) })),
    );
}

/** A language version, paragraph for paragraph: ids and texts in the original's order. */
export const TranslationForm = z.object({
  title: text(1000),
  preambleId: many(z.string().max(64)),
  preambleText: many(z.string().max(20000)),
  operativeId: many(z.string().max(64)),
  operativeText: many(z.string().max(20000)),
});
