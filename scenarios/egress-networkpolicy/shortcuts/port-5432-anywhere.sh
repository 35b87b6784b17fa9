#!/bin/sh
# Allow DNS and TCP 5432 to every destination: legacy-db listens on 5432 too and becomes reachable.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}},
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "TCP", "port": 5432}]}}
]'
