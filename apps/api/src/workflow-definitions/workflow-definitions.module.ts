import { Module } from '@nestjs/common';
import { MunicipalYearWheel } from '@rodtrad/engine';
import { DEFINITION_ADMIN_PROVIDERS } from './definition-admin.providers';
import { DefinitionsSync } from './definitions-sync.service';
import { FormVersionsController } from './form-versions.controller';
import { WorkflowDefinitionVersionsController } from './workflow-definition-versions.controller';
import { WorkflowDefinitionsController } from './workflow-definitions.controller';
import { YEAR_WHEEL_DUE_AT } from './year-wheel.port';

/**
 * Workflow administration: definitions and their versions, forms, simulation and migration; and
 * the start-up check and sync of the shipped definitions.
 */
@Module({
  controllers: [WorkflowDefinitionsController, WorkflowDefinitionVersionsController, FormVersionsController],
  providers: [
    ...DEFINITION_ADMIN_PROVIDERS,
    DefinitionsSync,
    // Migrated documents get the due dates the municipality set, from EngineModule's one wheel.
    {
      provide: YEAR_WHEEL_DUE_AT,
      useFactory: (wheel: MunicipalYearWheel) => wheel.dueAt,
      inject: [MunicipalYearWheel],
    },
  ],
})
export class WorkflowDefinitionsModule {}
