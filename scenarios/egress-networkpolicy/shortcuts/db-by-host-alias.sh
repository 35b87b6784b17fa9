#!/bin/sh
# Allow TCP 5432 to the db pods, skip DNS, and pin the name db in /etc/hosts (hostAliases): app reaches db, but names do not resolve, and metrics/legacy-db "fail" only because their names cannot be looked up.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"to": [{"podSelector": {"matchLabels": {"app": "db"}}}], "ports": [{"protocol": "TCP", "port": 5432}]}}
]'
ip=$(kubectl -n "$NS" get service db -o jsonpath='{.spec.clusterIP}')
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\":[{\"ip\":\"$ip\",\"hostnames\":[\"db\"]}]}}}}"
