#!/bin/sh
# Remove the sidecar: the pods are 1/1 Ready, but nothing ships the app's log any more.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "remove", "path": "/spec/template/spec/containers/1"}
]'
