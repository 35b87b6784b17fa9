#!/bin/sh
# Replace the rules with one empty rule (allow all egress): app reaches db, and metrics and legacy-db too.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "replace", "path": "/spec/egress", "value": [{}]}
]'
