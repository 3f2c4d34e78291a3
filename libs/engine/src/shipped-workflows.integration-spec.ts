// Every shipped workflow definition, walked through the real engine on MariaDB: paths that visit
// every step and take every transition (pathsCoveringAllTransitions), each event sent by a demo
// user who holds a role the step allows, with upstream documents adopted first where a guard asks
// for them, and the audit chain verified at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  DEMO_USERS,
  hasAnyRole,
  OrgTree,
  reportPeriods,
  upstreamOf,
  verifyChain,
  type DocumentTypeKey,
  type RoleAssignment,
  type RoleKey,
} from '@rodtrad/domain';
import {
  auditKeyring,
  DocumentAuditRepository,
  openDatabase,
  OrgUnitRepository,
  UserRepository,
} from '@rodtrad/persistence';
import {
  createFormValidator,
  listStates,
  listTransitions,
  loadShippedDefinitions,
  pathsCoveringAllTransitions,
  stateMeta,
  type Effect,
  type GuardSpec,
  type JsonObject,
  type TransitionInfo,
  type WorkflowDefinition,
  type WorkflowPath,
} from '@rodtrad/workflow';
import { DefinitionStore } from './definition-store';
import { DocumentEngine } from './document-engine';
import { createDocumentEngine } from './engine-factory';
import { SYSTEM_ACTOR, type EngineActor } from './ports';

type Data = Record<string, unknown>;

const ROOT = process.cwd();
const SHIPPED = loadShippedDefinitions(join(ROOT, 'workflows'));

/** Years far from those other specs use; each definition gets a block, each path a year of its own. */
const FIRST_YEAR = 2300;
const YEARS_PER_DEFINITION = 20;

/** The demo unit (seed key) that owns each type's documents: one red thread through Bildningsnämnden. */
const OWNER: Record<DocumentTypeKey, string> = {
  gpf: 'ks',
  'budget-och-flerarsplan': 'ks',
  'mal-och-budget': 'bin',
  forvaltningsplan: 'bin-f',
  verksamhetsplan: 'grundskola',
  enhetsplan: 'transten',
  internkontrollplan: 'bin',
  atgardsplan: 'bin',
  manadsrapport: 'bin',
  tertialrapport: 'bin',
  delarsrapport: 'bin',
  verksamhetsberattelse: 'bin',
  'delarsrapport-kommunen': 'ks',
  arsredovisning: 'ks',
  'kf-arende': 'ks',
  bokslutsdialog: 'bin',
  bolagsordning: 'hbab',
  bolagspolicy: 'ks',
  'agardirektiv-gemensamma': 'ks',
  agardirektiv: 'hbab',
  bolagsrapport: 'hbab',
  'ks-bolagsbedomning': 'ks',
};

/**
 * The fixtures hold the ordinary case (within the frame, goals met, positive balance, not a
 * särskild plan). These turn a path's data into the case that makes its candidate the one taken:
 * for candidate > 0 the earlier candidates' guards must refuse; the engine's result shows which
 * candidate it took.
 */
const CANDIDATE_DATA: Record<string, (data: Data) => Data> = {
  'mal-och-budget/review/APPROVE/1': (d) => ({
    ...d,
    budget: { intakter: 64000000, kostnader: 704000000, netto: 640000000 },
    omEjInomRam: 'Volymökningen i grundskolan ryms inte; nämnden begär utökad ram med 28 mnkr.',
  }),
  'tertialrapport/decision/DECIDE/0': withLackingGoal,
  'delarsrapport/decision/DECIDE/0': withLackingGoal,
  'atgardsplan/ks_treatment/TAKE_NOTE/0': (d) => ({ ...d, sarskild: true }),
};

/**
 * Conditions a guarded choice reads outside the document's data (facts from the year wheel): made
 * for the path's year before it is walked.
 */
const CANDIDATE_SETUP: Record<
  string,
  (ds: DataSource, year: number, period: string | null) => Promise<unknown>
> = {
  // The year wheel sends this year's tertial report on to KF for information (#16).
  'tertialrapport/ks_treatment/TAKE_NOTE/0': (ds, year, period) =>
    ds.query(
      `INSERT INTO year_wheel_kf_information (year, document_type, period, to_kf) VALUES (?, 'tertialrapport', ?, 1)
       ON DUPLICATE KEY UPDATE to_kf = 1`,
      [year, period],
    ),
};

function withLackingGoal(d: Data): Data {
  const goals = d['maluppfyllelse'] as Data[];
  return {
    ...d,
    maluppfyllelse: [{ ...goals[0], bedomning: 'ej-enligt-plan' }, ...goals.slice(1)],
    bristandeMaluppfyllelse: 'BIN-1: behörigheten till gymnasiet når inte målnivån.',
  };
}

function fixture(type: string): Data {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/documents', `${type}.json`), 'utf8')) as Data;
}

/** Top-level fields a step's form asks for (its own and those of the inlined content schema). */
function formFields(schema: JsonObject): string[] {
  const parts = [schema, ...((schema['allOf'] as JsonObject[] | undefined) ?? [])];
  return parts.flatMap((p) => Object.keys((p['properties'] as JsonObject | undefined) ?? {}));
}

function guardTypes(guard: GuardSpec | undefined): string[] {
  if (!guard) return [];
  const nested = (guard as { guards?: GuardSpec[]; guard?: GuardSpec }).guards ?? [];
  const inner = (guard as { guard?: GuardSpec }).guard;
  return [guard.type, ...nested.flatMap(guardTypes), ...guardTypes(inner)];
}

/** A short signature of an action or effect, enough to tell the candidates of one event apart. */
function signature(e: { type: string; params?: unknown }): string {
  const p = (e.params ?? {}) as Record<string, unknown>;
  return `${e.type}:${String(p['template'] ?? p['outcome'] ?? p['kind'] ?? p['type'] ?? '')}`;
}

/** The candidate the engine took: the one with the most actions whose actions all left as effects. */
function takenCandidate(candidates: TransitionInfo[], effects: Effect[]): number | undefined {
  const left = effects.map(signature);
  const fitting = candidates.filter((c) => c.actions.every((a) => left.includes(signature(a))));
  fitting.sort((a, b) => b.actions.length - a.actions.length);
  return fitting[0]?.candidate;
}

interface DemoActor extends EngineActor {
  username: string;
}

interface Visited {
  states: Set<string>;
  transitions: Set<string>;
}

const edge = (from: string, event: string, candidate: number) => `${from} --${event}#${candidate}`;

describe('shipped workflow definitions walked through the real engine (MariaDB)', () => {
  let ds: DataSource;
  let engine: DocumentEngine;
  let tree: OrgTree;
  let unitId: Map<string, string>;
  let users: DemoActor[];
  let definitions: DefinitionStore;

  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 4,
    });
    // The tier's database: migrated, seeded, the shipped workflows published (global setup).
    definitions = DefinitionStore.fromCwd(ds);
    engine = createDocumentEngine(ds, { definitions });
    tree = new OrgTree(await new OrgUnitRepository(ds).all());
    const units: { id: string; seedKey: string }[] = await ds.query(
      'SELECT id, seed_key AS seedKey FROM org_unit WHERE seed_key IS NOT NULL',
    );
    unitId = new Map(units.map((u) => [u.seedKey, u.id]));
    const repo = new UserRepository(ds);
    const rows: { id: string; username: string }[] = await ds.query('SELECT id, username FROM app_user');
    const idOf = new Map(rows.map((r) => [r.username, r.id]));
    users = [];
    for (const demo of DEMO_USERS) {
      const id = idOf.get(demo.username);
      if (id) users.push({ username: demo.username, userId: id, roles: await repo.rolesOf(id), via: 'user' });
    }
  });
  afterAll(() => ds?.destroy());

  /** The first demo user holding one of `roles` for the unit; the system for system-only events (no roles). */
  function actorFor(roles: readonly string[] | undefined, orgUnitId: string, what: string): EngineActor {
    if (!roles?.length) return SYSTEM_ACTOR;
    const user = users.find((u) =>
      hasAnyRole(u.roles as RoleAssignment[], roles as RoleKey[], orgUnitId, tree),
    );
    if (!user) throw new Error(`No demo user may ${what} (roles ${roles.join(', ')}) on unit ${orgUnitId}`);
    return user;
  }

  /** Shortest path to a final step taking only first candidates: how an upstream document gets adopted. */
  function adoptionPath(def: WorkflowDefinition): WorkflowPath {
    const [path] = pathsCoveringAllTransitions(def)
      .filter((p) => p.final && p.steps.every((s) => s.candidate === 0))
      .sort((a, b) => a.steps.length - b.steps.length);
    if (!path) throw new Error(`${def.key}: no path to adoption through first candidates`);
    return path;
  }

  function definitionOf(type: string): WorkflowDefinition {
    const shipped = SHIPPED.find((s) => s.definition.key === type);
    if (!shipped) throw new Error(`No shipped definition for ${type}`);
    return shipped.definition;
  }

  /** Adopts, in `year`, every document a guard of `type` waits for (upstream first). */
  async function adoptPrerequisites(type: DocumentTypeKey, year: number): Promise<void> {
    const guards = new Set(listTransitions(definitionOf(type)).flatMap((t) => guardTypes(t.guard)));
    const needed = new Set<DocumentTypeKey>();
    if (guards.has('withinFrame')) needed.add('gpf');
    const upstream = upstreamOf(type);
    if (guards.has('upstreamAdopted') && upstream) needed.add(upstream);
    for (const up of needed) {
      await adoptPrerequisites(up, year);
      const path = adoptionPath(definitionOf(up));
      await walk(up, year, path);
    }
  }

  /** Creates a document, fills in each step's form as its editor and sends the path's events. */
  async function walk(type: DocumentTypeKey, year: number, path: WorkflowPath, visited?: Visited) {
    const def = definitionOf(type);
    const orgUnitId = unitId.get(OWNER[type]) as string;
    const period = reportPeriods(type, year)[0] ?? null;
    const base = fixture(type);
    for (const s of path.steps)
      await CANDIDATE_SETUP[`${type}/${s.from}/${s.event}/${s.candidate}`]?.(ds, year, period);
    const transitions = listTransitions(def);
    const guarded = (s: TransitionInfo) =>
      transitions.filter((t) => t.from === s.from && t.event === s.event).length > 1;
    // What the editors write before step i: the data the next guarded choice on the path needs.
    // A path may take one event's candidates in turn (särskild, then not), so it changes on the way.
    const dataFor = (i: number): Data => {
      const next = path.steps.slice(i).find(guarded);
      const select = next && CANDIDATE_DATA[`${type}/${next.from}/${next.event}/${next.candidate}`];
      return select ? select(base) : base;
    };
    const initial = def.machine.initial;
    const creator = actorFor(stateMeta(def, initial)?.editableBy, orgUnitId, `create ${type}`);
    let doc = await engine.create({ type, orgUnitId, year, period, actor: creator });
    visited?.states.add(doc.state);
    const taken: { event: string; fromState: string; toState: string }[] = [];

    for (const [i, s] of path.steps.entries()) {
      expect(doc.state).toBe(s.from);
      const data = dataFor(i);
      const meta = stateMeta(def, doc.state);
      const { def: loaded } = await engine.get(doc.id);
      const form = meta?.form ? loaded.forms[meta.form] : undefined;
      if (form && meta?.editableBy?.length) {
        const filled = { ...doc.data };
        for (const f of formFields(form.schema)) {
          if (f in data) filled[f] = data[f];
          else delete filled[f];
        }
        if (!isDeepStrictEqual(filled, doc.data)) {
          const editor = actorFor(meta.editableBy, orgUnitId, `edit ${type} in ${doc.state}`);
          await engine.saveData({
            documentId: doc.id,
            data: filled,
            expectedVersion: doc.version,
            actor: editor,
          });
        }
      }
      const permission = meta?.events?.[s.event];
      if (!permission) throw new Error(`${type}: ${s.event} in ${doc.state} is not declared in meta.events`);
      const actor = actorFor(permission?.roles, orgUnitId, `send ${s.event} in ${type}/${doc.state}`);
      const comment = permission?.requiresComment
        ? 'Komplettera underlaget enligt förda diskussioner.'
        : undefined;
      const before = (await engine.get(doc.id)).doc;
      const outcome = await engine
        .transition({
          documentId: doc.id,
          event: { type: s.event, ...(comment ? { comment } : {}) },
          expectedVersion: before.version,
          actor,
        })
        .catch((e: Error & { code?: string; errors?: unknown }) => {
          throw new Error(
            `${type} ${year}: ${s.event} in ${before.state} refused (${e.code}): ${e.message} ${JSON.stringify(e.errors ?? [])}`,
          );
        });
      const candidates = transitions.filter(
        (t) => t.from === outcome.previousState && t.event === s.event && t.to === outcome.state,
      );
      const candidate = takenCandidate(candidates, outcome.effects);
      expect({ to: outcome.state, candidate }).toEqual({ to: s.to, candidate: s.candidate });
      visited?.states.add(outcome.state);
      if (candidate !== undefined) visited?.transitions.add(edge(outcome.previousState, s.event, candidate));
      taken.push({ event: s.event, fromState: outcome.previousState, toState: outcome.state });
      doc = (await engine.get(doc.id)).doc;
    }

    expect({ state: doc.state, final: doc.final }).toEqual({ state: path.end, final: path.final });
    const history = await new DocumentAuditRepository(ds).history(doc.id);
    expect(verifyChain(history, auditKeyring(ds))).toEqual({ ok: true, checked: history.length });
    expect(history[0]).toMatchObject({ event: 'CREATE', fromState: null, toState: initial });
    expect(
      history
        .filter((h) => h.event !== 'CREATE' && h.event !== 'SAVE')
        .map(({ event, fromState, toState }) => ({ event, fromState, toState })),
    ).toEqual(taken);
    return doc;
  }

  it('has fixtures that each step form of every shipped definition accepts', async () => {
    expect(SHIPPED.map((s) => s.definition.key).sort()).toEqual(Object.keys(OWNER).sort());
    const validator = createFormValidator();
    for (const { definition } of SHIPPED) {
      const loaded = await definitions.published(definition.key);
      const data = fixture(definition.key);
      for (const state of listStates(definition)) {
        const form = stateMeta(definition, state)?.form;
        if (!form) continue;
        const errors = validator.validate(loaded?.forms[form].schema as JsonObject, data);
        expect({ form: `${definition.key}/${form}`, errors }).toEqual({
          form: `${definition.key}/${form}`,
          errors: [],
        });
      }
    }
  });

  describe.each(SHIPPED.map((s, i) => [s.definition.key, i] as const))('%s', (key, index) => {
    it('walks paths that visit every step and take every transition, one audit entry each', async () => {
      const def = definitionOf(key);
      const type = key as DocumentTypeKey;
      const visited: Visited = { states: new Set(), transitions: new Set() };
      const paths = pathsCoveringAllTransitions(def);
      expect(paths.length).toBeLessThan(YEARS_PER_DEFINITION);
      for (const [i, path] of paths.entries()) {
        const year = FIRST_YEAR + index * YEARS_PER_DEFINITION + i;
        await adoptPrerequisites(type, year);
        await walk(type, year, path, visited);
      }
      expect([...visited.states].sort()).toEqual(listStates(def).sort());
      expect([...visited.transitions].sort()).toEqual(
        listTransitions(def)
          .map((t) => edge(t.from, t.event, t.candidate))
          .sort(),
      );
    }, 180_000);
  });

  it('leaves every document’s audit chain intact', async () => {
    const result = await new DocumentAuditRepository(ds).verifyAll();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(0);
  });
});
