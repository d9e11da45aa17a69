import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { WorkingLanguages, languageCode } from '../languages/working-languages';
import {
  LanguageDto,
  PutTranslationDto,
  TranslationDto,
  TranslationStatusDto,
} from './translations.dto';
import { TranslationsService } from './translations.service';

function revisionNumber(n: string): number {
  if (!/^[1-9]\d{0,5}$/.test(n)) throw notFound('Revision', n, 'n');
  return Number(n);
}

@ApiTags('language versions')
@ApiSignedIn()
@Controller('api')
export class TranslationsController {
  constructor(
    @Inject(TranslationsService) private readonly translations: TranslationsService,
    @Inject(WorkingLanguages) private readonly languages: WorkingLanguages,
  ) {}

  @Get('languages')
  @ApiOperation({ summary: "The forum's working languages, with the forum's name in each" })
  @ApiOkResponse({ type: [LanguageDto.Output] })
  list() {
    return this.languages.rows.map((row) => ({
      code: row.code,
      name: row.name,
      nativeName: row.native_name,
      locale: row.locale,
      forumName: row.forum_name,
      forumAcronym: row.forum_acronym,
    }));
  }

  @Put('drafts/:id/revisions/:n/translations/:lang')
  @RequireRoles('secretariat', 'admin')
  @ApiOperation({
    summary:
      "Enter or fix a revision's version in another working language (secretariat): every paragraph of the original, by its id. Only the current revision; 422 names a missing or unknown paragraph id, 404 an unknown language, 422 the original language",
  })
  @ApiOkResponse({ type: TranslationDto.Output })
  @ApiProblems(400, 403, 404, 409, 413, 422)
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('n') n: string,
    @Param('lang') lang: string,
    @Body() body: PutTranslationDto,
  ) {
    return this.translations.put(principal, id, revisionNumber(n), languageCode(lang), body);
  }

  @Get('drafts/:id/revisions/:n/translations/:lang')
  @ApiOperation({
    summary: "A revision's version in a language, paragraph by paragraph beside the original",
  })
  @ApiOkResponse({ type: TranslationDto.Output })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string, @Param('n') n: string, @Param('lang') lang: string) {
    return this.translations.get(id, revisionNumber(n), languageCode(lang));
  }

  @Get('drafts/:id/translations')
  @ApiOperation({
    summary:
      'Where the current revision stands in every other working language: current, outdated (which paragraphs) or missing',
  })
  @ApiOkResponse({ type: [TranslationStatusDto.Output] })
  @ApiProblems(404)
  statuses(@Param('id', UuidParam) id: string) {
    return this.translations.statuses(id);
  }
}
