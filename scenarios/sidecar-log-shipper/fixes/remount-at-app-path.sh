#!/bin/sh
# Mount volume logs at /var/log/app in shipper too, so the LOG it already has names the app's file.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "replace", "path": "/spec/template/spec/containers/1/volumeMounts/0/mountPath", "value": "/var/log/app"}
]'
