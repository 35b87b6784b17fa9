#!/bin/sh
# Delete container api's resources altogether: the pods schedule as BestEffort, requesting no CPU at all.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources"}
]'
