#!/bin/sh
# First a plain undo (back to revision 2, which renumbers it 4), then find the approved revision among the ReplicaSets' change-cause and undo to it.
set -eu
kubectl -n "$NS" rollout undo deployment/api
kubectl -n "$NS" rollout status deployment/api --timeout=120s
kubectl -n "$NS" rollout history deployment/api
rev=$(kubectl -n "$NS" get replicasets -l app=api \
  -o jsonpath='{range .items[*]}{.metadata.annotations.kubernetes\.io/change-cause}{" "}{.metadata.annotations.deployment\.kubernetes\.io/revision}{"\n"}{end}' \
  | awk '$1 == "approved" {print $2}' | sort -n | tail -n 1)
echo "approved revision: $rev"
kubectl -n "$NS" rollout undo deployment/api --to-revision="$rev"
