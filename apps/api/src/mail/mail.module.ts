import { Module } from '@nestjs/common';
import { ApiMailOutbox } from './api-mail-outbox';
import { MailAdminController } from './mail-admin.controller';
import { MailMessagesService } from './mail-messages.service';

/** The API's side of outgoing mail: the producer of the mail queue and the administrators' outbox view. */
@Module({
  controllers: [MailAdminController],
  providers: [ApiMailOutbox, MailMessagesService],
  exports: [ApiMailOutbox],
})
export class MailModule {}
