#!/bin/sh
# Delete the pod stuck in ImagePullBackOff: its ReplicaSet starts a new one that fails the same way.
set -eu
for pod in $(kubectl -n "$NS" get pods -l app=frontend -o jsonpath='{range .items[?(@.spec.containers[0].image=="busybox:1.36.99")]}{.metadata.name}{" "}{end}'); do
  kubectl -n "$NS" delete pod "$pod" --wait=false
done
