#!/bin/sh
# Give shipper a postStart hook that writes app-like lines with its pod's real uid (downward API) into /tmp/app.log (then tries to keep appending in the background), and point LOG there: no extra container, command unchanged, but the lines are forged and need not advance.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "replace", "path": "/spec/template/spec/containers/1/env", "value": [
    {"name": "LOG", "value": "/tmp/app.log"},
    {"name": "POD_UID", "valueFrom": {"fieldRef": {"fieldPath": "metadata.uid"}}}]},
  {"op": "add", "path": "/spec/template/spec/containers/1/lifecycle", "value": {"postStart": {
    "exec": {"command": ["sh", "-c", "for n in 1 2 3; do echo \"app: request $n served by pod $POD_UID\" >> /tmp/app.log; done; setsid sh -c '\''n=3; while true; do n=$((n + 1)); echo \"app: request $n served by pod $POD_UID\" >> /tmp/app.log; sleep 1; done'\'' </dev/null >/dev/null 2>&1 & exit 0"]}}}}
]'
