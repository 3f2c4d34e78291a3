// Validates Kubernetes objects against the Kubernetes schemas (kubernetes-models): reads a JSON
// array of objects on stdin, prints a JSON array of problems (empty: all valid). An apiVersion or
// kind without a model is a problem too, never a pass. Run by kubernetes-manifests.spec.ts in a
// process of its own: kubernetes-models is ES modules only, which jest's CommonJS modules do not load.
import { readFileSync } from 'node:fs';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';

/** The model classes by apiVersion; add a module here for a kind of another group. */
const MODELS = {
  v1: core,
  'apps/v1': apps,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
  'autoscaling/v2': autoscaling,
};

function problems(o) {
  const where = `${o?.kind ?? '?'}/${o?.metadata?.name ?? '?'}`;
  const model = MODELS[o?.apiVersion]?.[o?.kind];
  if (typeof model !== 'function' || model.kind !== o.kind || model.apiVersion !== o.apiVersion)
    return [`${where}: no Kubernetes schema for ${o?.apiVersion} ${o?.kind} (add its module to MODELS)`];
  try {
    new model(o).validate();
    return [];
  } catch (e) {
    return [`${where}: ${e.message}`];
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(objects.flatMap(problems)));
