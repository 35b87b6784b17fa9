#!/bin/sh
# Replace the rules of backend-allow-frontend with one empty rule (allow all ingress): anything reaches backend.
set -eu
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "replace", "path": "/spec/ingress", "value": [{}]}
]'
