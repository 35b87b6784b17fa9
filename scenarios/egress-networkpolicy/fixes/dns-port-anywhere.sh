#!/bin/sh
# Allow port 53 to any destination (the common short form) and TCP 5432 to the db pods only.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}},
  {"op": "add", "path": "/spec/egress/-", "value": {"to": [{"podSelector": {"matchLabels": {"app": "db"}}}], "ports": [{"protocol": "TCP", "port": 5432}]}}
]'
