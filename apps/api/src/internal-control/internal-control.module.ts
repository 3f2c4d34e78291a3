import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InternalControlController } from './internal-control.controller';
import { InternalControlService } from './internal-control.service';

/** Internal control followed up (#16): the risk matrix, each nämnd's risks in it, KS's summary. */
@Module({
  imports: [AuthModule],
  controllers: [InternalControlController],
  providers: [InternalControlService],
})
export class InternalControlModule {}
