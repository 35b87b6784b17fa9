#!/bin/sh
# Roll back to the revision that used busybox:1.36, found in the rollout history (--to-revision).
set -eu
rev=$(kubectl -n "$NS" get rs -l app=frontend \
  -o jsonpath='{range .items[?(@.spec.template.spec.containers[0].image=="busybox:1.36")]}{.metadata.annotations.deployment\.kubernetes\.io/revision}{end}')
kubectl -n "$NS" rollout undo deployment/frontend --to-revision="$rev"
