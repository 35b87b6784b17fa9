#!/bin/sh
# Strip container api's resources (requests and limits): the quota then refuses every new pod, since it must count a memory request.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources"}
]'
