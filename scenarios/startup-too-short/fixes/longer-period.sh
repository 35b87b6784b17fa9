#!/bin/sh
# Keep 4 failures but probe every 8 s: 4 × 8 = 32 s for the warm-up.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/periodSeconds", "value": 8}
]'
