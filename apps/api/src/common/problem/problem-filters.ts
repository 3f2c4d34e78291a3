import type { Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApprovalErrorFilter } from './approval-error.filter';
import { DefinitionAdminErrorFilter } from './definition-admin-error.filter';
import { EngineErrorFilter } from './engine-error.filter';
import { EscalationErrorFilter } from './escalation-error.filter';
import { ProblemDetailsFilter } from './problem-details.filter';

/**
 * Every exception filter of the API, registered globally. Nest asks global filters last-registered
 * first and takes the first whose @Catch matches, so the catch-all stays first in this list and the
 * per-family filters (disjoint error classes) follow it.
 */
export const PROBLEM_FILTERS: Provider[] = [
  ProblemDetailsFilter,
  EngineErrorFilter,
  ApprovalErrorFilter,
  DefinitionAdminErrorFilter,
  EscalationErrorFilter,
].map((useClass) => ({ provide: APP_FILTER, useClass }));
