#!/bin/sh
# Open app's egress to DNS and to every pod of the namespace, then pin metrics and legacy-db to 127.0.0.1 in /etc/hosts: the names look blocked, the Services are not.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}},
  {"op": "add", "path": "/spec/egress/-", "value": {"to": [{"podSelector": {}}]}}
]'
kubectl -n "$NS" patch deployment app -p '{"spec":{"template":{"spec":{"hostAliases":[{"ip":"127.0.0.1","hostnames":["metrics","legacy-db"]}]}}}}'
