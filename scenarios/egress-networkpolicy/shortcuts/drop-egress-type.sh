#!/bin/sh
# Change policyTypes to Ingress only: the egress rules are ignored, so app-egress no longer restricts egress at all.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "replace", "path": "/spec/policyTypes", "value": ["Ingress"]},
  {"op": "add", "path": "/spec/ingress", "value": [{}]}
]'
