import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DefinitionStore, DocumentTasks } from '@rodtrad/engine';
import { AuthModule } from '../auth/auth.module';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ActivityController } from './activity.controller';
import { AuditController } from './audit.controller';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';
import { TasksController } from './tasks.controller';

/** Documents: start, read, save, send events; the caller's tasks; the audit chain check. */
@Module({
  imports: [AuthModule],
  controllers: [
    DocumentsController,
    TasksController,
    AuditController,
    PublicationController,
    ActivityController,
  ],
  providers: [
    DocumentsService,
    PublicationService,
    {
      provide: DocumentTasks,
      useFactory: (ds: DataSource, definitions: DefinitionStore) => new DocumentTasks(ds, definitions),
      inject: [DATA_SOURCE, DefinitionStore],
    },
  ],
  exports: [DocumentsService, PublicationService],
})
export class DocumentsModule {}
