#!/bin/sh
# Add two egress rules to client-egress: TCP 8080 to the web pods, and DNS.
set -eu
kubectl -n "$NS" patch networkpolicy client-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"to": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"protocol": "TCP", "port": 8080}]}},
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}}
]'
