import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { translatorRefusal } from '@chancery/domain';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { languageCode } from '../languages/working-languages';
import { TranslationsService } from '../translations/translations.service';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { TranslationForm, fields } from './desk-forms';
import { i18n } from './desk-locale';
import { DeskResponder } from './desk-responder';
import { type ProblemView, formRefusal } from './problem-view';

type Version = Awaited<ReturnType<TranslationsService['get']>>;
type Form = z.infer<typeof TranslationForm>;

/**
 * The view of one language version beside its original, and its form: one row per paragraph
 * (the title first), the original on the left, the version's text in a box on the right.
 * `kept` gives back what the official wrote when the service refused it.
 */
function versionView(principal: Principal, version: Version, kept: Form | null) {
  const keptText = new Map<string, string>();
  if (kept) {
    kept.preambleId.forEach((id, i) => keptText.set(id, kept.preambleText[i] ?? ''));
    kept.operativeId.forEach((id, i) => keptText.set(id, kept.operativeText[i] ?? ''));
  }
  const rows = (part: 'preamble' | 'operative', prefix: string) =>
    version[part].map((p, i) => ({
      id: p.id,
      field: `${part}-${i}`,
      part,
      label: `${prefix} ${i + 1}`,
      original: p.original,
      text: keptText.get(p.id) ?? p.text ?? '',
      missing: p.text === null,
      outdated: p.text !== null && p.outdated,
    }));
  const editable =
    translatorRefusal(principal) === null && version.revision === version.currentRevision;
  return {
    draft: { id: version.draftId, symbol: version.symbol, href: `/desk/drafts/${version.draftId}` },
    language: version.language,
    original: version.original,
    revision: version.revision,
    status: version.status,
    title: {
      original: version.originalTitle,
      text: kept?.title ?? version.title ?? '',
      outdated: version.title !== null && version.titleOutdated,
      missing: version.title === null,
    },
    preamble: rows('preamble', 'PP'),
    operative: rows('operative', 'OP'),
    editable,
    superseded: version.revision !== version.currentRevision,
    action: `/desk/drafts/${version.draftId}/translations/${version.language}`,
  };
}

/** The language versions on the desk: side by side with the original, entered by the secretariat. */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts')
export class DeskTranslationsController {
  constructor(
    @Inject(TranslationsService) private readonly translations: TranslationsService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Get(':id/translations/:lang')
  async page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('lang') lang: string,
  ) {
    await this.show(request, reply, id, languageCode(lang), null, null);
  }

  @Post(':id/translations/:lang')
  @RequireRoles('secretariat', 'admin')
  async save(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('lang') lang: string,
    @Body() body: unknown,
  ) {
    const language = languageCode(lang);
    let form: Form | null = null;
    try {
      form = TranslationForm.parse(fields(body));
      const version = await this.currentVersion(id, language);
      const pairs = (ids: string[], texts: string[]) =>
        ids.map((pid, i) => ({ id: pid, text: texts[i] ?? '' }));
      await this.translations.put(request.principal!, id, version.revision, language, {
        title: form.title,
        preamble: pairs(form.preambleId, form.preambleText),
        operative: pairs(form.operativeId, form.operativeText),
      });
    } catch (error) {
      return this.show(request, reply, id, language, formRefusal(error, request), form);
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=translation`);
  }

  private async currentVersion(id: string, language: string) {
    const statuses = await this.translations.statuses(id);
    const found = statuses.find((s) => s.language === language);
    if (!found) throw notFound('Language version', language, 'lang');
    return found;
  }

  private async show(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    language: string,
    problem: ProblemView | null,
    kept: Form | null,
  ) {
    const status = await this.currentVersion(id, language);
    const version = await this.translations.get(id, status.revision, language);
    const view = versionView(request.principal!, version, kept);
    const name =
      new Intl.DisplayNames(i18n(request).locale, { type: 'language' }).of(language) ?? language;
    this.responder.page(request, reply, 'translation', view, {
      title: i18n(request).t('translation.pageTitle', { language: name, symbol: version.symbol }),
      section: 'drafts',
      ...(problem ? { problem, status: problem.status } : {}),
    });
  }
}
