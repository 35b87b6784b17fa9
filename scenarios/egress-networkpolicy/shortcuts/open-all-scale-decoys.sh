#!/bin/sh
# Allow all egress and scale the decoys to 0 so "blocked" probes find nothing listening: the control probes catch it.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "replace", "path": "/spec/egress", "value": [{}]}
]'
kubectl -n "$NS" scale deployment metrics legacy-db --replicas=0
