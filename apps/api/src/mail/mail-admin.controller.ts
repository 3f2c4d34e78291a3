import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { mailMessageQuerySchema, mailMessageSchema, pageSchema } from '@rodtrad/contracts';
import type { MailStatus } from '@rodtrad/mail';
import { RequireRole } from '../auth/auth.decorators';
import { validateQuery } from '../common/validation/body';
import { MailMessagesService } from './mail-messages.service';

/** Outgoing mail for administrators: what failed for good, why, and a way to send it again. */
@ApiTags('E-post')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('mail')
export class MailAdminController {
  constructor(private readonly messages: MailMessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'Utgående e-post, t.ex. ?status=failed för det som inte gick att skicka (nyast först)',
  })
  @ApiQuery({ name: 'status', required: false, schema: mailMessageQuerySchema['properties']['status'] })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiOkResponse({ schema: pageSchema(mailMessageSchema) })
  list(@Query() query: unknown) {
    return this.messages.list(
      validateQuery<{ status?: MailStatus; limit?: number; offset?: number }>(mailMessageQuerySchema, {
        ...(query as object),
      }),
    );
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Skicka ett misslyckat mejl igen',
    description: 'Puts a failed mail back to pending and queues it; 409 unless it is failed; 404 if unknown.',
  })
  @ApiOkResponse({ schema: mailMessageSchema })
  resend(@Param('id') id: string) {
    return this.messages.resend(id);
  }
}
