#!/bin/sh
# Pause the rollout, put image, env and args back to revision 1's values (kubectl set image, set env, a JSON patch for args), then resume.
set -eu
kubectl -n "$NS" rollout pause deployment/api
kubectl -n "$NS" set image deployment/api api=busybox:1.36
kubectl -n "$NS" set env deployment/api MODE=stable
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/args", "value": ["--port=8080"]}
]'
kubectl -n "$NS" rollout resume deployment/api
