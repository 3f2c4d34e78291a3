import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';

/** KS's and KF's oversight beside the escalations: KF's information on the tertial reports, the GPF's underlag. */
@Module({
  imports: [AuthModule],
  controllers: [OversightController],
  providers: [OversightService],
})
export class OversightModule {}
