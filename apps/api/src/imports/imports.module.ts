import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ImportByIdController, ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Imports from the financial system (#19). `imports/ekonomi` is registered before `imports/:id`. */
@Module({
  imports: [AuthModule],
  controllers: [ImportsController, ImportByIdController],
  providers: [ImportsService],
})
export class ImportsModule {}
