#!/bin/sh
# Remove the nodeSelector: the pods run, on any node at all.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[{"op": "remove", "path": "/spec/template/spec/nodeSelector"}]'
