#!/bin/sh
# Let every pod of the namespace into backend (podSelector {}): frontend gets in, and so does intruder.
set -eu
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "replace", "path": "/spec/ingress/0/from/0/podSelector", "value": {}}
]'
