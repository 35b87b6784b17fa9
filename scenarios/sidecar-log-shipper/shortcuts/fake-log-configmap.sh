#!/bin/sh
# Ship a made-up log: a ConfigMap with app-like lines mounted into shipper, LOG pointing at it. The lines look right but name no real app pod, and never advance.
set -eu
kubectl -n "$NS" create configmap fake-log --from-literal=app.log="app: request 1 served by pod 0b5e1c2a-6d3f-4e8a-9c71-2f4d8a6b0e13
app: request 2 served by pod 0b5e1c2a-6d3f-4e8a-9c71-2f4d8a6b0e13
app: request 3 served by pod 0b5e1c2a-6d3f-4e8a-9c71-2f4d8a6b0e13
"
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "fake", "configMap": {"name": "fake-log"}}},
  {"op": "add", "path": "/spec/template/spec/containers/1/volumeMounts/-", "value": {"name": "fake", "mountPath": "/fake", "readOnly": true}},
  {"op": "replace", "path": "/spec/template/spec/containers/1/env/0/value", "value": "/fake/app.log"}
]'
