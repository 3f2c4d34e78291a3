import { AdminAuditEntity } from './admin-audit.entity';
import { MandatePeriodEntity, StrategicAreaEntity } from './mandate-period.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import {
  DocumentAuditEntity,
  DocumentEntity,
  OutboxEntity,
  WorkflowDefinitionEntity,
} from './workflow.entities';

export { DocumentAuditEntity, DocumentEntity, OutboxEntity, WorkflowDefinitionEntity };
export {
  AdminAuditEntity,
  MandatePeriodEntity,
  StrategicAreaEntity,
  OrgUnitEntity,
  RoleAssignmentEntity,
  SessionEntity,
  UserEntity,
};

export const ENTITIES = [
  OrgUnitEntity,
  UserEntity,
  RoleAssignmentEntity,
  SessionEntity,
  MandatePeriodEntity,
  StrategicAreaEntity,
  AdminAuditEntity,
  WorkflowDefinitionEntity,
  DocumentEntity,
  DocumentAuditEntity,
  OutboxEntity,
];
