import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  normalisedOwnership,
  ownershipForm,
  ownershipProblems,
  ownershipText,
  OWNED_BODY_KINDS,
  type BodyOwnership,
  type OrgUnitNode,
} from '@rodtrad/domain';
import type { BodyOwnershipView, SetBodyOwnershipRequest } from '@rodtrad/contracts';
import { AdminAuditRepository, OrgUnitRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../../common/problem/problem';
import { DATA_SOURCE } from '../../infrastructure/tokens';

/**
 * What the municipality holds of its companies and kommunalförbund: a company's share (100 % =
 * wholly owned), a förbund's member municipalities. Read by every signed-in user, set by an
 * administrator; every change is audited in the same transaction.
 */
@Injectable()
export class BodyOwnershipService {
  constructor(
    private readonly units: OrgUnitRepository,
    private readonly audit: AdminAuditRepository,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async list(): Promise<BodyOwnershipView[]> {
    return (await this.units.ownedBodies()).map((u) => view(u, u.ownership));
  }

  async get(id: string): Promise<BodyOwnershipView> {
    const unit = await this.ownedBody(id);
    return view(unit, await this.units.ownership(id));
  }

  async set(id: string, req: SetBodyOwnershipRequest, actorUserId: string): Promise<BodyOwnershipView> {
    const unit = await this.ownedBody(id);
    const next = normalisedOwnership({
      sharePercent: req.sharePercent ?? null,
      memberMunicipalities: [...req.memberMunicipalities],
    });
    const problems = ownershipProblems(unit.kind, next);
    if (problems.length) throw ApiProblem.validation(problems);
    await this.ds.transaction(async (m) => {
      const before = await this.units.ownership(id, m);
      await this.units.setOwnership(id, next, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'org-unit.ownership-set',
          entityType: 'org_unit',
          entityId: id,
          details: { before, after: next },
        },
        m,
      );
    });
    return view(unit, next);
  }

  private async ownedBody(id: string): Promise<OrgUnitNode> {
    const unit = await this.units.get(id);
    if (!unit || !OWNED_BODY_KINDS.includes(unit.kind))
      throw ApiProblem.notFound('Bolaget eller kommunalförbundet');
    return unit;
  }
}

function view(unit: OrgUnitNode, o: BodyOwnership): BodyOwnershipView {
  return {
    unitId: unit.id,
    name: unit.name,
    code: unit.code,
    kind: unit.kind as 'bolag' | 'kommunalforbund',
    form: ownershipForm(unit.kind, o) as 'helagt' | 'delagt' | 'kommunalforbund',
    sharePercent: o.sharePercent,
    memberMunicipalities: o.memberMunicipalities,
    text: ownershipText(unit.kind, o) ?? '',
  };
}
