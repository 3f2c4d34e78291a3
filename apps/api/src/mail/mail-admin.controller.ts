import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mailMessageQuerySchema, mailMessageSchema, pageSchema } from '@rodtrad/contracts';
import type { MailStatus } from '@rodtrad/mail';
import { RequireRole } from '../auth/auth.decorators';
import { ValidQuery } from '../common/validation/query';
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
  @ApiOkResponse({ schema: pageSchema(mailMessageSchema) })
  list(@ValidQuery(mailMessageQuerySchema) query: { status?: MailStatus; limit?: number; offset?: number }) {
    return this.messages.list(query);
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
