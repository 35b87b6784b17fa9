#!/bin/sh
# Hold the probes off with a postStart hook that sleeps 25 s instead of giving the startup probe its budget: the pods start, but the startup probe still gives up after 8 s of a real start (the brief asks for its budget of at least 25 s).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/lifecycle",
   "value": {"postStart": {"exec": {"command": ["sleep", "25"]}}}}
]'
