import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

/**
 * KS's inbox of escalations and the nämnd's ad-hoc deviation report. The use cases (open,
 * acknowledge) and the deviation thresholds come from EngineModule.
 */
@Module({
  imports: [AuthModule],
  controllers: [EscalationsController],
  providers: [EscalationsService],
})
export class EscalationsModule {}
