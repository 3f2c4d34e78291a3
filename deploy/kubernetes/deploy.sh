#!/bin/sh
# Deploys an overlay in two steps (README.md, "Deploying a version"):
#   1. the pre-deploy objects (namespace, service account, ConfigMap, the migration Job named after
#      the image's tag), then waits until the Job has succeeded, while the previous version serves;
#   2. everything, so the Deployments roll to the new version only after its migration.
# Usage: deploy/kubernetes/deploy.sh <overlay>   (kubectl's current context decides the cluster)
set -eu

overlay="${1:?usage: deploy.sh <overlay> (production, trial or one of your own)}"
dir="$(dirname "$0")/overlays/$overlay"
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT

kubectl kustomize "$dir" >"$rendered"
namespace="$(sed -n 's/^  namespace: //p' "$rendered" | head -n 1)"

# Without its Secrets the Job's pod would wait, not fail: say so now.
for secret in rodtrad-secrets rodtrad-migration; do
  if ! kubectl get secret "$secret" -n "$namespace" >/dev/null 2>&1; then
    echo "No Secret $secret in namespace $namespace: create it first (README.md, \"Configuration and secrets\")" >&2
    exit 1
  fi
done

echo "1/2 Migration (namespace $namespace)"
job="$(kubectl apply -f "$rendered" -l rodtrad/deploy-phase=pre-deploy -o name | grep '^job')"
condition() {
  kubectl get "$job" -n "$namespace" -o "jsonpath={.status.conditions[?(@.type==\"$1\")].status}"
}
while :; do
  if [ "$(condition Complete)" = True ]; then break; fi
  if [ "$(condition Failed)" = True ]; then
    echo "$job failed; the running version is untouched. Its log:" >&2
    kubectl logs -n "$namespace" "$job" --tail=100 >&2 || true
    exit 1
  fi
  sleep 5
done
echo "$job succeeded"

echo "2/2 The API and the worker"
kubectl apply -f "$rendered"
kubectl rollout status -n "$namespace" deployment/rodtrad-api --timeout=10m
kubectl rollout status -n "$namespace" deployment/rodtrad-worker --timeout=10m
