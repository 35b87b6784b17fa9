#!/bin/sh
# Point the rule at app=frontend, then also let role=frontend in and give intruder's pod template that label: intruder gets in through the kept Deployment's template.
set -eu
sh "$(dirname "$0")/../solution.sh"
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "add", "path": "/spec/ingress/0/from/-", "value": {"podSelector": {"matchLabels": {"role": "frontend"}}}}
]'
kubectl -n "$NS" patch deployment intruder -p '{"spec":{"template":{"metadata":{"labels":{"role":"frontend"}}}}}'
