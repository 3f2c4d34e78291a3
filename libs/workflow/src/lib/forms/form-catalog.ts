// Reads forms/<type>/<step>.schema.json (+ optional <step>.ui.json) once, at start-up. References to
// sibling files are inlined, so every schema handed out is self-contained: RJSF in the browser and
// ajv on the server both get the same single document.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parsePointer, resolvePointer } from '../json-pointer';
import type { JsonObject } from '../workflow.types';

export interface FormEntry {
  schema: JsonObject;
  uiSchema: JsonObject;
}

export interface FormCatalog {
  get(type: string, step: string): FormEntry | undefined;
  has(type: string, step: string): boolean;
  list(): Array<{ type: string; step: string }>;
}

const SCHEMA_SUFFIX = '.schema.json';
const isStepFile = (name: string) =>
  name.endsWith(SCHEMA_SUFFIX) && !name.startsWith('_') && !name.startsWith('content');

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

class RefInliner {
  private readonly files = new Map<string, unknown>();

  constructor(private readonly root: string) {}

  read(file: string): unknown {
    if (!this.files.has(file)) {
      try {
        this.files.set(file, JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        throw new Error(`Cannot read form schema ${relative(this.root, file)}: ${(e as Error).message}`);
      }
    }
    return this.files.get(file);
  }

  /**
   * Inlines every $ref of `node`, which comes from `file`. In the step file itself (`keepLocal`),
   * references inside the same file stay: they resolve in the returned document too.
   */
  inline(node: unknown, file: string, keepLocal: boolean, stack: string[]): unknown {
    if (Array.isArray(node)) return node.map((n) => this.inline(n, file, keepLocal, stack));
    if (!isObject(node)) return node;
    const { $ref, ...rest } = node;
    const members = Object.fromEntries(
      Object.entries(rest).map(([k, v]) => [k, this.inline(v, file, keepLocal, stack)]),
    );
    if (typeof $ref !== 'string' || ($ref.startsWith('#') && keepLocal))
      return typeof $ref === 'string' ? { $ref, ...members } : members;

    const [path, fragment = ''] = $ref.split('#');
    const target = path === '' ? file : resolve(dirname(file), path);
    if (relative(this.root, target).startsWith('..'))
      throw new Error(`Form schema ${relative(this.root, file)} refers outside the forms folder: ${$ref}`);
    const id = `${target}#${fragment}`;
    if (stack.includes(id))
      throw new Error(
        `Circular $ref in form schemas: ${[...stack, id].map((s) => relative(this.root, s)).join(' → ')}`,
      );
    const pointer = decodeURIComponent(fragment);
    parsePointer(pointer);
    const resolved = resolvePointer(this.read(target), pointer);
    if (resolved === undefined)
      throw new Error(`Form schema ${relative(this.root, file)}: $ref ${$ref} resolves to nothing`);
    const inlined = this.inline(resolved, target, false, [...stack, id]);
    if (!isObject(inlined)) return inlined;
    const { $id: _id, $schema: _schema, ...body } = inlined;
    return { ...body, ...members };
  }
}

export function loadFormCatalog(formsDir: string): FormCatalog {
  const root = resolve(formsDir);
  const inliner = new RefInliner(root);
  const forms = new Map<string, FormEntry>();
  const key = (type: string, step: string) => `${type}/${step}`;

  const types = existsSync(root)
    ? readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory())
    : [];
  for (const type of types.sort()) {
    for (const name of readdirSync(join(root, type)).filter(isStepFile).sort()) {
      const step = name.slice(0, -SCHEMA_SUFFIX.length);
      const file = join(root, type, name);
      const schema = inliner.inline(inliner.read(file), file, true, [`${file}#`]) as JsonObject;
      const uiFile = join(root, type, `${step}.ui.json`);
      const uiSchema = existsSync(uiFile) ? (inliner.read(uiFile) as JsonObject) : {};
      forms.set(key(type, step), { schema, uiSchema });
    }
  }

  return {
    get: (type, step) => forms.get(key(type, step)),
    has: (type, step) => forms.has(key(type, step)),
    list: () =>
      [...forms.keys()].map((k) => {
        const [type, step] = k.split('/');
        return { type, step };
      }),
  };
}
