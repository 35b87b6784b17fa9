#!/bin/sh
# Delete the new ReplicaSet (busybox:1.36.99): the Deployment controller creates it again and the pull fails again.
set -eu
rs=$(kubectl -n "$NS" get rs -l app=frontend -o jsonpath='{range .items[?(@.spec.template.spec.containers[0].image=="busybox:1.36.99")]}{.metadata.name}{end}')
kubectl -n "$NS" delete rs "$rs"
