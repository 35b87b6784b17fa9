#!/bin/sh
# Remove the readiness probe: the client pods turn Ready, and still cannot resolve backend.
set -eu
kubectl -n "$NS" patch deployment client --type=json -p '[{"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe"}]'
