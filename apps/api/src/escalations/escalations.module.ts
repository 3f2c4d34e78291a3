import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DeviationThresholds } from '@rodtrad/engine';
import { AuthModule } from '../auth/auth.module';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ESCALATION_PROVIDERS } from './escalation.providers';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

/** KS's inbox of escalations and the nämnd's ad-hoc deviation report. */
@Module({
  imports: [AuthModule],
  controllers: [EscalationsController],
  providers: [
    ...ESCALATION_PROVIDERS,
    {
      provide: DeviationThresholds,
      useFactory: (ds: DataSource) => new DeviationThresholds(ds),
      inject: [DATA_SOURCE],
    },
    EscalationsService,
  ],
  exports: [DeviationThresholds],
})
export class EscalationsModule {}
