#!/bin/sh
# Make the liveness probe run `true`: it always succeeds, whatever the server does, so it checks nothing.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe",
   "value": {"exec": {"command": ["true"]}, "periodSeconds": 3, "failureThreshold": 2}}
]'
