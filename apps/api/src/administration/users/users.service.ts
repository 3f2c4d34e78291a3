import { ReassignApprovals } from '@rodtrad/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { canHoldRole, type RoleAssignment } from '@rodtrad/domain';
import type { CreateUserRequest, Page, PagingQuery, UpdateUserRequest, UserView } from '@rodtrad/contracts';
import { AdminAuditRepository, SessionRepository, UserRepository } from '@rodtrad/persistence';
import type { FieldProblem } from '../../common/problem/problem';
import { ApiProblem } from '../../common/problem/problem';
import { OrgTreeService } from '../../auth/org-tree.service';
import { passwordHasher } from '../../auth/password-hasher';
import { SessionCache } from '../../auth/session-cache';
import { DATA_SOURCE } from '../../infrastructure/tokens';

/** Administration of users and their role assignments; audited, never storing a password in clear. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AdminAuditRepository,
    private readonly orgTree: OrgTreeService,
    private readonly sessionCache: SessionCache,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly reassign: ReassignApprovals,
  ) {}

  list(q: PagingQuery & { search?: string }): Promise<Page<UserView>> {
    return this.users.list(q.limit, q.offset, q.search);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.get(id);
    if (!user) throw ApiProblem.notFound('Användaren');
    return user;
  }

  async create(req: CreateUserRequest, actorUserId: string): Promise<UserView> {
    const errors = await this.checkRoles(req.roles);
    if (await this.users.usernameTaken(req.username))
      errors.push({ pointer: '/username', message: 'Användarnamnet används redan.' });
    if (errors.length) throw ApiProblem.validation(errors);
    const passwordHash = req.password ? await passwordHasher.hash(req.password) : null;
    const id = await this.ds.transaction(async (m) => {
      const id = await this.users.save(
        { username: req.username, name: req.name, email: req.email, active: req.active, passwordHash },
        req.roles,
        m,
      );
      await this.audit.append(
        {
          actorUserId,
          action: 'user.created',
          entityType: 'app_user',
          entityId: id,
          details: { ...req, password: req.password ? '***' : undefined },
        },
        m,
      );
      return id;
    });
    return this.get(id);
  }

  async update(id: string, req: UpdateUserRequest, actorUserId: string): Promise<UserView> {
    const before = await this.get(id);
    const errors = req.roles ? await this.checkRoles(req.roles) : [];
    if (errors.length) throw ApiProblem.validation(errors);
    const passwordHash = req.password ? await passwordHasher.hash(req.password) : undefined;
    await this.ds.transaction(async (m) => {
      await this.keepAnAdministrator(id, before, req, m);
      await this.users.save(
        {
          id,
          username: before.username,
          name: req.name ?? before.name,
          email: req.email ?? before.email,
          active: req.active ?? before.active,
          passwordHash,
        },
        req.roles,
        m,
      );
      await this.audit.append(
        {
          actorUserId,
          action: 'user.updated',
          entityType: 'app_user',
          entityId: id,
          details: { before, change: { ...req, password: req.password ? '***' : undefined } },
        },
        m,
      );
    });
    // A deactivated user or a changed password ends every open session; the others see the
    // new roles, name and e-mail on their next request.
    if (req.active === false || req.password) await this.sessions.deleteForUser(id);
    await this.sessionCache.forgetUser(id);
    // A link carries no authority beyond its holder's: one who was deactivated or lost a role
    // loses their pending approvals at once, and the steps are asked of whoever may decide now.
    if (req.active === false || req.roles) await this.reassign.forUser(id, actorUserId);
    return this.get(id);
  }

  /**
   * The last active administrator can be neither deactivated nor stripped of the role: nobody
   * could then administer the installation. Checked on locked rows inside the change's transaction.
   */
  private async keepAnAdministrator(
    id: string,
    before: UserView,
    req: UpdateUserRequest,
    m: EntityManager,
  ): Promise<void> {
    const isAdmin = before.active && before.roles.some((r) => r.role === 'admin');
    const staysAdmin =
      (req.active ?? before.active) && (req.roles ?? before.roles).some((r) => r.role === 'admin');
    if (!isAdmin || staysAdmin) return;
    const others = (await this.users.lockActiveAdmins(m)).filter((a) => a !== id);
    if (!others.length)
      throw ApiProblem.conflict(
        'last-administrator',
        'Det måste finnas minst en aktiv administratör. Ge någon annan rollen administratör först.',
      );
  }

  private async checkRoles(roles: RoleAssignment[]): Promise<FieldProblem[]> {
    const tree = await this.orgTree.tree();
    const errors: FieldProblem[] = [];
    roles.forEach((r, i) => {
      const unit = tree.get(r.orgUnitId);
      if (!unit)
        errors.push({ pointer: `/roles/${i}/orgUnitId`, message: 'Organisationsenheten finns inte.' });
      else if (!canHoldRole(r.role, unit.kind))
        errors.push({
          pointer: `/roles/${i}/role`,
          message: `Rollen ${r.role} kan inte innehas på en enhet av typen ${unit.kind}.`,
        });
    });
    return errors;
  }
}
