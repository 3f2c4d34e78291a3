import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { OrgTree, validateParentKind, type OrgUnitNode } from '@rodtrad/domain';
import type { CreateOrgUnitRequest, UpdateOrgUnitRequest } from '@rodtrad/contracts';
import { AdminAuditRepository, OrgUnitRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../../common/problem/problem';
import { OrgTreeService } from '../../auth/org-tree.service';
import { DATA_SOURCE } from '../../infrastructure/tokens';

/** Administration of the organisation tree; every change is audited in the same transaction. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly units: OrgUnitRepository,
    private readonly audit: AdminAuditRepository,
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  list(): Promise<OrgUnitNode[]> {
    return this.units.all();
  }

  async get(id: string): Promise<OrgUnitNode> {
    const unit = await this.units.get(id);
    if (!unit) throw ApiProblem.notFound('Organisationsenheten');
    return unit;
  }

  async create(req: CreateOrgUnitRequest, actorUserId: string): Promise<OrgUnitNode> {
    const parent = req.parentId ? await this.units.get(req.parentId) : null;
    const errors = [];
    if (req.parentId && !parent)
      errors.push({ pointer: '/parentId', message: 'Överordnad enhet finns inte.' });
    else if (!validateParentKind(req.kind, parent?.kind ?? null)) {
      errors.push({
        pointer: '/kind',
        message: `En enhet av typen ${req.kind} kan inte ligga under ${parent?.kind ?? 'ingen'}.`,
      });
    }
    if (await this.units.codeTaken(req.code))
      errors.push({ pointer: '/code', message: 'Koden används redan.' });
    if (errors.length) throw ApiProblem.validation(errors);
    const unit: OrgUnitNode = {
      id: randomUUID(),
      parentId: req.parentId,
      kind: req.kind,
      name: req.name,
      code: req.code,
    };
    await this.ds.transaction(async (m) => {
      await this.units.insert(unit, m);
      await this.audit.append(
        { actorUserId, action: 'org-unit.created', entityType: 'org_unit', entityId: unit.id, details: unit },
        m,
      );
    });
    this.orgTree.invalidate();
    return unit;
  }

  async update(id: string, req: UpdateOrgUnitRequest, actorUserId: string): Promise<OrgUnitNode> {
    const unit = await this.get(id);
    const errors = [];
    if (req.code && (await this.units.codeTaken(req.code, id)))
      errors.push({ pointer: '/code', message: 'Koden används redan.' });
    if (req.parentId !== undefined) {
      const parent = await this.units.get(req.parentId);
      const tree = new OrgTree(await this.units.all());
      if (!parent) errors.push({ pointer: '/parentId', message: 'Överordnad enhet finns inte.' });
      else if (req.parentId === id || tree.isAncestorOrSelf(id, req.parentId)) {
        errors.push({ pointer: '/parentId', message: 'En enhet kan inte flyttas in under sig själv.' });
      } else if (!validateParentKind(unit.kind, parent.kind)) {
        errors.push({
          pointer: '/parentId',
          message: `En enhet av typen ${unit.kind} kan inte ligga under ${parent.kind}.`,
        });
      }
    }
    if (errors.length) throw ApiProblem.validation(errors);
    await this.ds.transaction(async (m) => {
      await this.units.update(id, req, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'org-unit.updated',
          entityType: 'org_unit',
          entityId: id,
          details: { before: unit, change: req },
        },
        m,
      );
    });
    this.orgTree.invalidate();
    return this.get(id);
  }

  async remove(id: string, actorUserId: string): Promise<void> {
    const unit = await this.get(id);
    const references = await this.units.references(id);
    if (references.length) {
      const words = references.map((r) => IN_USE_WORDS[r]);
      const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} och ${words.at(-1)}` : words[0];
      throw ApiProblem.conflict('org-unit-in-use', `Enheten har ${list} och kan inte tas bort.`);
    }
    await this.ds.transaction(async (m) => {
      await this.units.delete(id, m);
      await this.audit.append(
        { actorUserId, action: 'org-unit.deleted', entityType: 'org_unit', entityId: id, details: unit },
        m,
      );
    });
    this.orgTree.invalidate();
  }
}

const IN_USE_WORDS = {
  children: 'underenheter',
  roles: 'rolltilldelningar',
  documents: 'dokument',
  escalations: 'avvikelser',
} as const;
