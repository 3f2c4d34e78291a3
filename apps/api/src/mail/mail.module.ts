import { Module } from '@nestjs/common';
import { MailAdminController } from './mail-admin.controller';
import { MailMessagesService } from './mail-messages.service';
import { MailOutboxModule } from './mail-outbox.module';

/** The API's side of outgoing mail: the producer of the mail queue and the administrators' outbox view. */
@Module({
  controllers: [MailAdminController],
  imports: [MailOutboxModule],
  providers: [MailMessagesService],
})
export class MailModule {}
