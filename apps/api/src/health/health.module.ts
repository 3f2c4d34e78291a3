import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HealthController } from './health.controller';
import { QueueDashboard } from './queue-dashboard.service';

/** Operations: the health check and the administrators' queue dashboard (mounted by bootstrap). */
@Module({
  imports: [AuthModule],
  controllers: [HealthController],
  providers: [QueueDashboard],
})
export class HealthModule {}
