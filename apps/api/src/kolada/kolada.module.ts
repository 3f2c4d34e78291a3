import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { KoladaController } from './kolada.controller';
import { KoladaService } from './kolada.service';

/** Kolada's nyckeltal (#19): fetched by the worker, asked for and imported here. */
@Module({
  imports: [AuthModule],
  controllers: [KoladaController],
  providers: [KoladaService],
})
export class KoladaModule {}
