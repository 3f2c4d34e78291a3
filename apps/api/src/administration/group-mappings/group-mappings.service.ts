import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import type { CreateGroupMappingRequest, GroupMappingList, GroupMappingView } from '@rodtrad/contracts';
import { canHoldRole } from '@rodtrad/domain';
import { AdminAuditRepository, OidcGroupMappingRepository } from '@rodtrad/persistence';
import { OrgTreeService } from '../../auth/org-tree.service';
import { ApiProblem } from '../../common/problem/problem';
import { APP_CONFIG, DATA_SOURCE } from '../../infrastructure/tokens';

/**
 * The administrator's mapping of the identity provider's groups to roles at units. A change takes
 * effect at each member's next sign-in, when their roles from groups are recomputed (a removed
 * mapping removes the role then). Audited.
 */
@Injectable()
export class GroupMappingsService {
  constructor(
    private readonly mappings: OidcGroupMappingRepository,
    private readonly audit: AdminAuditRepository,
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<GroupMappingList> {
    return {
      items: await this.mappings.list(),
      groupsClaim: this.config.oidcGroupsClaim,
      oidcEnabled: !!this.config.oidcIssuer,
    };
  }

  async create(req: CreateGroupMappingRequest, actorUserId: string): Promise<GroupMappingView> {
    const unit = (await this.orgTree.tree()).get(req.orgUnitId);
    if (!unit)
      throw ApiProblem.validation([{ pointer: '/orgUnitId', message: 'Organisationsenheten finns inte.' }]);
    if (!canHoldRole(req.role, unit.kind))
      throw ApiProblem.validation([
        {
          pointer: '/role',
          message: `Rollen ${req.role} kan inte innehas på en enhet av typen ${unit.kind}.`,
        },
      ]);
    const group = req.group.trim();
    const id = await this.ds.transaction(async (m) => {
      const id = await this.mappings.add({ group, role: req.role, orgUnitId: req.orgUnitId }, m);
      if (!id)
        throw ApiProblem.conflict('group-mapping-exists', 'Gruppen ger redan den rollen på den enheten.');
      await this.audit.append(
        {
          actorUserId,
          action: 'group-mapping.created',
          entityType: 'oidc_group_mapping',
          entityId: id,
          details: { group, role: req.role, orgUnitId: req.orgUnitId },
        },
        m,
      );
      return id;
    });
    return (await this.mappings.get(id)) as GroupMappingView;
  }

  async remove(id: string, actorUserId: string): Promise<void> {
    const before = await this.mappings.get(id);
    if (!before) throw ApiProblem.notFound('Kopplingen');
    await this.ds.transaction(async (m) => {
      await this.mappings.remove(id, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'group-mapping.removed',
          entityType: 'oidc_group_mapping',
          entityId: id,
          details: before,
        },
        m,
      );
    });
  }
}
