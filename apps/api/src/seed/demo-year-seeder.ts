import type { DataSource } from 'typeorm';
import {
  DEMO_STORY,
  DEMO_WALK_ORDER,
  demoDocumentData,
  demoYearFrame,
  demoYearsOf,
  DEMO_USERS,
  escalationChecksFor,
  hasAnyRole,
  type DocumentTypeKey,
  type OrgTree,
  type RoleAssignment,
  type RoleKey,
} from '@rodtrad/domain';
import {
  AssessDeviations,
  cachedOrgTree,
  createDocumentEngine,
  FollowUpEscalation,
  MunicipalYearWheel,
  OpenEscalation,
  OrgTreeCache,
  plannedDocuments,
  RecipientDirectory,
  slotKey,
  SYSTEM_ACTOR,
  type DocumentEngine,
  type EngineActor,
  type LoadedDefinition,
} from '@rodtrad/engine';
import { MailMessageRepository } from '@rodtrad/mail';
import { UserRepository, type DocumentRow } from '@rodtrad/persistence';
import { listTransitions, stateMeta, type JsonObject, type WorkflowDefinition } from '@rodtrad/workflow';

export interface DemoYearSeedResult {
  years: { previous: number; current: number };
  documentsCreated: number;
  documentsWalked: number;
  transitions: number;
  escalationsOpened: number;
  /** Documents whose walk the engine refused (named, so the log says which); the rest go on. */
  refused: string[];
  ms: number;
}

export interface DemoYearSeedOptions {
  /** The day the demo is seeded on (default now): the previous year is complete, the current one up to today. */
  today?: Date;
  publicUrl?: string;
  ksRecipientRoles?: readonly string[];
}

type Target = 'final' | 'submitted' | 'leave';

interface DemoUserActor extends EngineActor {
  username: string;
}

/**
 * The lived-in demo (#18): the previous budget year complete and the current one up to today,
 * walked through the real engine as the demo users whose roles each step names: the year is
 * opened as the system (every planned document created), each document due is filled in by its
 * step's editor and carried to its final step by the people the workflow names; the story's few
 * documents are left late, one monthly report overruns its budget and its escalation opens through
 * the same use cases the worker runs on a submitted report (AssessDeviations, OpenEscalation,
 * FollowUpEscalation, which creates the åtgärdsplan). Idempotent: a document is walked only while
 * it is untouched (version 1 in its first step); everything else is left as it is.
 */
export async function seedDemoYear(
  ds: DataSource,
  options: DemoYearSeedOptions = {},
): Promise<DemoYearSeedResult> {
  const started = Date.now();
  const today = options.today ?? new Date();
  const years = demoYearsOf(today);
  const engine = createDocumentEngine(ds, { now: () => new Date() });
  const org = cachedOrgTree(ds);
  const tree = await org.tree();
  const users = await demoActors(ds);
  const wheel = new MunicipalYearWheel(ds);
  const result: DemoYearSeedResult = {
    years,
    documentsCreated: 0,
    documentsWalked: 0,
    transitions: 0,
    escalationsOpened: 0,
    refused: [],
    ms: 0,
  };

  for (const year of [years.previous, years.current]) {
    result.documentsCreated += await openYear(ds, engine, wheel, tree, year);
  }

  const docs: DocumentRow[] = [];
  for (const year of [years.previous, years.current]) {
    const ids: { id: string }[] = await ds.query('SELECT id FROM document WHERE year = ?', [year]);
    for (const { id } of ids) docs.push((await engine.get(id)).doc);
  }
  const rank = (t: string) => {
    const i = DEMO_WALK_ORDER.indexOf(t as DocumentTypeKey);
    return i < 0 ? DEMO_WALK_ORDER.length : i;
  };
  docs.sort(
    (a, b) =>
      a.year - b.year ||
      rank(a.type) - rank(b.type) ||
      (a.period ?? '').localeCompare(b.period ?? '') ||
      a.title.localeCompare(b.title, 'sv'),
  );
  const { targets, deviating } = storyTargets(docs, tree, years.current, today);

  const submittedReports: string[] = [];
  for (const doc of docs) {
    const target = targets.get(doc.id) ?? 'leave';
    if (target === 'leave') continue;
    const { def } = await engine.get(doc.id);
    // Untouched only: a document someone (or an earlier seed) has worked on is left as it is.
    if (doc.version !== 1 || doc.state !== def.definition.machine.initial) continue;
    try {
      const story = { target, current: years.current, today, deviating: doc.id === deviating };
      result.transitions += await walk(engine, tree, users, doc, def, story);
      result.documentsWalked++;
      if (doc.year === years.current && escalationChecksFor(doc.type as DocumentTypeKey).length)
        submittedReports.push(doc.id);
    } catch (e) {
      const errors = (e as { errors?: { pointer: string; message: string }[] }).errors ?? [];
      const fields = errors.map((x) => `${x.pointer} ${x.message}`).join('; ');
      result.refused.push(`${doc.title}: ${(e as Error).message}${fields ? ` (${fields})` : ''}`);
    }
  }

  result.escalationsOpened = await assessSubmitted(ds, engine, submittedReports, options);
  result.ms = Date.now() - started;
  return result;
}

/** Every document the year wheel plans for the year, created as the system where missing (as "Öppna budgetåret"). */
async function openYear(
  ds: DataSource,
  engine: DocumentEngine,
  wheel: MunicipalYearWheel,
  tree: OrgTree,
  year: number,
): Promise<number> {
  const planned = plannedDocuments(await wheel.wheel(year), tree.all());
  const rows: { type: string; orgUnitId: string; period: string }[] = await ds.query(
    'SELECT type, org_unit_id AS orgUnitId, period FROM document WHERE year = ?',
    [year],
  );
  const filled = new Set(rows.map((r) => slotKey(r.type, r.orgUnitId, r.period || null)));
  let created = 0;
  for (const slot of planned) {
    if (filled.has(slotKey(slot.type, slot.orgUnitId, slot.period))) continue;
    await engine.create({ ...slot, year, actor: SYSTEM_ACTOR });
    created++;
  }
  return created;
}

/**
 * What the story wants of each document: the previous year's all final; the current year's final
 * when due before today, except the late ones (left in draft); the deviating report final too
 * (its escalation follows); the next report of the deviating nämnd handed in for review.
 */
function storyTargets(
  docs: DocumentRow[],
  tree: OrgTree,
  current: number,
  today: Date,
): { targets: Map<string, Target>; deviating: string | undefined } {
  const out = new Map<string, Target>();
  const code = (d: DocumentRow) => tree.get(d.orgUnitId)?.code;
  const due = (d: DocumentRow) => d.dueAt !== null && d.dueAt.getTime() < today.getTime();
  const latestDue = (type: string, unitCode: string) =>
    docs
      .filter((d) => d.year === current && d.type === type && code(d) === unitCode && due(d))
      .sort((a, b) => (b.dueAt as Date).getTime() - (a.dueAt as Date).getTime())[0];
  const late = new Set(
    DEMO_STORY.lateDocuments
      .map((l) =>
        'which' in l && l.which === 'latest-due'
          ? latestDue(l.type, l.unitCode)
          : docs.find((d) => d.year === current && d.type === l.type && code(d) === l.unitCode),
      )
      .filter((d): d is DocumentRow => !!d)
      .map((d) => d.id),
  );
  const next = docs
    .filter(
      (d) =>
        d.year === current &&
        d.type === DEMO_STORY.awaitingReview.type &&
        code(d) === DEMO_STORY.awaitingReview.unitCode &&
        !due(d),
    )
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity))[0];
  for (const d of docs) {
    if (!walkable(d, tree)) continue;
    if (d.year < current) out.set(d.id, 'final');
    else if (late.has(d.id)) out.set(d.id, 'leave');
    else if (due(d)) out.set(d.id, 'final');
    else if (d.id === next?.id) out.set(d.id, 'submitted');
  }
  const s = DEMO_STORY.budgetDeviation;
  return { targets: out, deviating: latestDue(s.type, s.unitCode)?.id };
}

/**
 * The documents the demo writes: the types of the red thread, the nämnder's reports and KS's
 * year-end hearings, of units under KS or a nämnd. A company's or a kommunalförbund's own documents
 * are their bodies' and are left to them.
 */
function walkable(d: DocumentRow, tree: OrgTree): boolean {
  if (!DEMO_WALK_ORDER.includes(d.type as DocumentTypeKey)) return false;
  const body = tree.namndOf(d.orgUnitId) ?? tree.get(d.orgUnitId);
  // KS calls the companies to the year-end hearing too (their own reports are left to them).
  if (d.type === 'bokslutsdialog' && body?.kind === 'bolag') return true;
  return body?.kind === 'namnd' || body?.kind === 'ks';
}

/** The next event on the shortest way from each step to a final step (events people send, first candidates first). */
function nextEvents(def: WorkflowDefinition): Map<string, string> {
  const transitions = listTransitions(def).filter((t) => {
    const roles = stateMeta(def, t.from)?.events?.[t.event]?.roles;
    return !t.targetless && t.to !== t.from && !!roles?.length;
  });
  const states = def.machine.states as Record<string, { type?: string }>;
  const dist = new Map<string, number>(
    Object.entries(states)
      .filter(([, s]) => s.type === 'final')
      .map(([k]) => [k, 0]),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const t of transitions) {
      const d = dist.get(t.to);
      if (d === undefined) continue;
      if ((dist.get(t.from) ?? Infinity) > d + 1) {
        dist.set(t.from, d + 1);
        changed = true;
      }
    }
  }
  const next = new Map<string, string>();
  for (const from of Object.keys(states)) {
    const best = transitions
      .filter((t) => t.from === from && dist.has(t.to))
      .sort(
        (a, b) => (dist.get(a.to) as number) - (dist.get(b.to) as number) || a.candidate - b.candidate,
      )[0];
    if (best) next.set(from, best.event);
  }
  return next;
}

/** Top-level fields a step's form asks for (its own and those of the inlined content schema). */
function formFields(schema: JsonObject): string[] {
  const parts = [schema, ...((schema['allOf'] as JsonObject[] | undefined) ?? [])];
  return parts.flatMap((p) => Object.keys((p['properties'] as JsonObject | undefined) ?? {}));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Carries one document to its target, each step as the demo user the workflow names; returns the events sent. */
async function walk(
  engine: DocumentEngine,
  tree: OrgTree,
  users: DemoUserActor[],
  first: DocumentRow,
  def: LoadedDefinition,
  story: { target: Target; current: number; today: Date; deviating: boolean },
): Promise<number> {
  const { target, current, today } = story;
  const next = nextEvents(def.definition);
  const namnd = tree.namndOf(first.orgUnitId) ?? tree.require(first.orgUnitId);
  const due = first.dueAt;
  const decidedOn = isoDay(due && due.getTime() < today.getTime() ? due : today);
  const data = demoDocumentData({
    type: first.type as DocumentTypeKey,
    namndCode: namnd.code,
    unitName: tree.get(first.orgUnitId)?.name ?? '',
    year: first.year,
    period: first.period,
    currentYear: current,
    decidedOn,
    frame: demoYearFrame(namnd.code, first.year),
    deviating: story.deviating,
  });
  const actorFor = (roles: readonly string[] | undefined): EngineActor => {
    if (!roles?.length) return SYSTEM_ACTOR;
    const user = users.find((u) =>
      hasAnyRole(u.roles as RoleAssignment[], roles as RoleKey[], first.orgUnitId, tree),
    );
    if (!user) throw new Error(`ingen demoanvändare har någon av rollerna ${roles.join(', ')}`);
    return user;
  };
  let doc = first;
  let sent = 0;
  for (let i = 0; i < 12 && !doc.final; i++) {
    const event = next.get(doc.state);
    if (!event) throw new Error(`ingen väg vidare från steget ${doc.state}`);
    const meta = stateMeta(def.definition, doc.state);
    const form = meta?.form ? def.forms[meta.form] : undefined;
    if (form && meta?.editableBy?.length) {
      const filled: Record<string, unknown> = { ...doc.data };
      for (const f of formFields(form.schema as JsonObject)) {
        if (f in data) filled[f] = data[f];
        else delete filled[f];
      }
      if (JSON.stringify(filled) !== JSON.stringify(doc.data)) {
        await engine.saveData({
          documentId: doc.id,
          data: filled,
          expectedVersion: doc.version,
          actor: actorFor(meta.editableBy),
        });
        doc = (await engine.get(doc.id)).doc;
      }
    }
    const permission = meta?.events?.[event];
    await engine.transition({
      documentId: doc.id,
      event: {
        type: event,
        ...(permission?.requiresComment ? { comment: 'Kompletterat enligt förda diskussioner.' } : {}),
      },
      expectedVersion: doc.version,
      actor: actorFor(permission?.roles),
    });
    sent++;
    doc = (await engine.get(doc.id)).doc;
    if (target === 'submitted') break;
  }
  return sent;
}

/**
 * What the worker does with a submitted report (DocumentSubmittedEffect), done here so the demo
 * has its escalation and åtgärdsplan at once: assess its deviations, open each escalation once per
 * source key, and follow it up (the åtgärdsplan, the mail to KS written to the mail outbox, which
 * the worker sends). The worker finds the same source keys later and opens nothing twice.
 */
async function assessSubmitted(
  ds: DataSource,
  engine: DocumentEngine,
  reportIds: string[],
  options: DemoYearSeedOptions,
): Promise<number> {
  if (!reportIds.length) return 0;
  const orgCache = new OrgTreeCache(ds);
  const recipients = new RecipientDirectory(ds, orgCache);
  const assess = new AssessDeviations(ds);
  const open = new OpenEscalation(ds);
  const messages = new MailMessageRepository(ds);
  const followUp = new FollowUpEscalation(
    ds,
    engine,
    recipients,
    { enqueue: async (mail) => void (await messages.add(mail)) },
    {
      publicUrl: options.publicUrl ?? 'http://localhost:3000',
      ksRecipientRoles: options.ksRecipientRoles ?? ['ks.ordforande', 'ks.sekreterare'],
    },
  );
  const tree = await recipients.tree();
  let opened = 0;
  for (const id of reportIds) {
    const { doc } = await engine.get(id);
    const found = await assess.execute(doc, tree);
    for (const e of found) {
      const out = await ds.transaction((m) => open.execute(e, m));
      if (out.created) opened++;
      await followUp.execute(out.id);
    }
  }
  return opened;
}

async function demoActors(ds: DataSource): Promise<DemoUserActor[]> {
  const repo = new UserRepository(ds);
  const rows: { id: string; username: string }[] = await ds.query('SELECT id, username FROM app_user');
  const idOf = new Map(rows.map((r) => [r.username, r.id]));
  const out: DemoUserActor[] = [];
  // In the demo's own order (the list names the person each role's work falls to first).
  for (const { username } of DEMO_USERS) {
    const userId = idOf.get(username);
    if (userId) out.push({ username, userId, roles: await repo.rolesOf(userId), via: 'user' });
  }
  return out;
}
