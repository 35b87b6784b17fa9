#!/bin/sh
# Move the setting into a ConfigMap (BACKEND_HOST=backend.<dns-server>) and load it with envFrom instead of the literal.
set -eu
kubectl -n "$NS" create configmap client-config --from-literal=BACKEND_HOST="backend.$NS_SERVER"
kubectl -n "$NS" patch deployment client --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/env"},
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom", "value": [{"configMapRef": {"name": "client-config"}}]}
]'
