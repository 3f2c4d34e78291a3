import { Module } from '@nestjs/common';
import { ApiMailOutbox } from './api-mail-outbox';

/** The API's producer of the mail queue, one per process: EngineModule's use cases and MailModule write through it. */
@Module({ providers: [ApiMailOutbox], exports: [ApiMailOutbox] })
export class MailOutboxModule {}
