#!/bin/sh
# Give shipper an exec readinessProbe that appends an app-like line with its pod's real uid (downward API) to /tmp/app.log every second, and point LOG there: no extra container, command unchanged, but it ships forged lines, not container app's log.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "replace", "path": "/spec/template/spec/containers/1/env", "value": [
    {"name": "LOG", "value": "/tmp/app.log"},
    {"name": "POD_UID", "valueFrom": {"fieldRef": {"fieldPath": "metadata.uid"}}}]},
  {"op": "add", "path": "/spec/template/spec/containers/1/readinessProbe", "value": {
    "exec": {"command": ["sh", "-c", "echo \"app: request $(date +%s) served by pod $POD_UID\" >> /tmp/app.log"]},
    "periodSeconds": 1}}
]'
