#!/bin/sh
# Point backend-allow-frontend's rule at the labels the frontend pods carry (app=frontend instead of role=frontend).
set -eu
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "replace", "path": "/spec/ingress/0/from/0/podSelector/matchLabels", "value": {"app": "frontend"}}
]'
