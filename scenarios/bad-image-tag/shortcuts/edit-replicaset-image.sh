#!/bin/sh
# Fix the image in the new ReplicaSet instead of the Deployment: the controller sees the template drift and starts another ReplicaSet on 1.36.99.
set -eu
rs=$(kubectl -n "$NS" get rs -l app=frontend -o jsonpath='{range .items[?(@.spec.template.spec.containers[0].image=="busybox:1.36.99")]}{.metadata.name}{end}')
kubectl -n "$NS" set image "rs/$rs" frontend=busybox:1.36
kubectl -n "$NS" delete pod -l app=frontend --field-selector=status.phase=Pending --wait=false
