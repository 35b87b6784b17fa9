#!/bin/sh
# Allow TCP 5432 to the db pods but forget DNS: app cannot resolve the name db and never becomes Ready.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"to": [{"podSelector": {"matchLabels": {"app": "db"}}}], "ports": [{"protocol": "TCP", "port": 5432}]}}
]'
