import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { repeatFields } from './desk-forms';
import { i18n } from './desk-locale';
import type { DeskResponder } from './desk-responder';

/**
 * Asks the official to confirm a draft's form before it acts: the page sends the same fields
 * again, with confirmed=yes, to `action`, or goes back to `cancelHref`.
 */
export function askConfirmation(
  responder: DeskResponder,
  request: AuthenticatedRequest,
  reply: FastifyReply,
  question: { message: string; action: string; body: unknown; cancelHref: string },
) {
  const { message, action, body, cancelHref } = question;
  responder.page(
    request,
    reply,
    'confirm',
    { message, action, fields: repeatFields(body), cancelHref },
    { title: i18n(request).t('confirm.pageTitle'), section: 'drafts' },
  );
}
