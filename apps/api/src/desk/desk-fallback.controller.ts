import { Controller, Get, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';

/** Any other address under /desk: a desk page that says so (the API's 404 is problem+json). */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskFallbackController {
  @Get('*')
  notFound(@Req() request: AuthenticatedRequest): never {
    throw new AppError('PAGE_NOT_FOUND', `There is no desk page at ${request.url.split('?')[0]}.`);
  }
}
