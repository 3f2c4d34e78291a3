import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';

/** Archive packages of closed years (#20): requested here, built by the worker. */
@Module({
  imports: [AuthModule],
  controllers: [ArchiveController],
  providers: [ArchiveService],
})
export class ArchiveModule {}
