#!/bin/sh
# Allow only DNS: names resolve, but db:5432 is still blocked and app never becomes Ready.
set -eu
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}}
]'
