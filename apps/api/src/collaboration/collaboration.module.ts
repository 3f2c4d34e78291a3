import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { MailOutboxModule } from '../mail/mail-outbox.module';
import { CollaborationController } from './collaboration.controller';
import { CollaborationService } from './collaboration.service';

/** Comments and attachments (underlag) on documents (#18). */
@Module({
  imports: [AuthModule, DocumentsModule, MailOutboxModule],
  controllers: [CollaborationController],
  providers: [CollaborationService],
  exports: [CollaborationService],
})
export class CollaborationModule {}
