import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GroupMappingsController } from './group-mappings/group-mappings.controller';
import { GroupMappingsService } from './group-mappings/group-mappings.service';
import { BodyOwnershipController } from './org-units/body-ownership.controller';
import { BodyOwnershipService } from './org-units/body-ownership.service';
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
  imports: [AuthModule],
  controllers: [
    OrgUnitsController,
    UsersController,
    ThresholdsController,
    StandingSubstitutesController,
    GroupMappingsController,
    BodyOwnershipController,
  ],
  providers: [
    UsersService,
    OrgUnitsService,
    DeviationThresholdsService,
    StandingSubstitutesService,
    GroupMappingsService,
    BodyOwnershipService,
  ],
})
export class AdministrationModule {}
