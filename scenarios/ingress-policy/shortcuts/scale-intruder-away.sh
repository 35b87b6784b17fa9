#!/bin/sh
# Open backend to every pod and scale intruder to 0: nothing left to keep out, but intruder was not yours to stop.
set -eu
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "replace", "path": "/spec/ingress/0/from/0/podSelector", "value": {}}
]'
kubectl -n "$NS" scale deployment intruder --replicas=0
