import { Controller, Get, Inject, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { DeskListsService } from './desk-lists.service';
import { i18n } from './desk-locale';
import { DASHBOARD_ROLES, DeskResponder } from './desk-responder';

@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskListsController {
  constructor(
    @Inject(DeskListsService) private readonly lists: DeskListsService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Get()
  @RequireRoles(...DASHBOARD_ROLES)
  async dashboard(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ) {
    const t = i18n(request);
    const view = await this.lists.dashboard(query, t);
    this.responder.page(request, reply, 'dashboard', view, {
      title: t.t('nav.dashboard'),
      section: 'dashboard',
    });
  }

  @Get('delegation')
  @RequireRoles('delegate')
  async delegation(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const t = i18n(request);
    const view = await this.lists.delegation(request.principal!, t);
    this.responder.page(request, reply, 'delegation', view, {
      title: t.t('delegation.pageTitle', { state: view.state.name }),
      section: 'delegation',
    });
  }

  @Get('drafts')
  async drafts(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ) {
    const t = i18n(request);
    const view = await this.lists.allDrafts(query, t);
    this.responder.page(request, reply, 'drafts', view, {
      title: t.t('drafts.heading'),
      section: 'drafts',
    });
  }
}
