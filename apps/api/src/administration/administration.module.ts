import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { AuthModule } from '../auth/auth.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { StandingSubstitutesController } from './standing-substitutes/standing-substitutes.controller';
import { StandingSubstitutesService } from './standing-substitutes/standing-substitutes.service';
import { DeviationThresholdsService } from './thresholds/deviation-thresholds.service';
import { ThresholdsController } from './thresholds/thresholds.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** What administrators keep: users and roles, the organisation tree, thresholds, standing substitutes. */
@Module({
  imports: [AuthModule, EscalationsModule, ApprovalsModule],
  controllers: [OrgUnitsController, UsersController, ThresholdsController, StandingSubstitutesController],
  providers: [UsersService, OrgUnitsService, DeviationThresholdsService, StandingSubstitutesService],
})
export class AdministrationModule {}
