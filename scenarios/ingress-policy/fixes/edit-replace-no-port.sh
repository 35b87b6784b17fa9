#!/bin/sh
# What kubectl edit does: read the policy, re-point the rule at app=frontend and drop its port limit (frontend may reach every port of backend), then replace it.
set -eu
kubectl -n "$NS" get networkpolicy backend-allow-frontend -o json \
  | sed -e 's/"role": "frontend"/"app": "frontend"/' \
  | kubectl -n "$NS" replace -f -
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[{"op": "remove", "path": "/spec/ingress/0/ports"}]'
