#!/bin/sh
# Orphan the pod stuck on the pull (pause, delete its ReplicaSet with --cascade=orphan), then go back to busybox:1.36 and resume: the rollout completes, but the orphan still waits on busybox:1.36.99 with app=frontend.
set -eu
kubectl -n "$NS" rollout pause deployment/frontend
rs=$(kubectl -n "$NS" get rs -l app=frontend -o jsonpath='{range .items[?(@.spec.template.spec.containers[0].image=="busybox:1.36.99")]}{.metadata.name}{end}')
kubectl -n "$NS" delete rs "$rs" --cascade=orphan
kubectl -n "$NS" set image deployment/frontend frontend=busybox:1.36
kubectl -n "$NS" rollout resume deployment/frontend
