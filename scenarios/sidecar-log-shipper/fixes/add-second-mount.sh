#!/bin/sh
# Keep shipper's /logs mount and add a second mount of volume logs at /var/log/app, where its LOG already points.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "add", "path": "/spec/template/spec/containers/1/volumeMounts/-", "value": {"name": "logs", "mountPath": "/var/log/app", "readOnly": true}}
]'
