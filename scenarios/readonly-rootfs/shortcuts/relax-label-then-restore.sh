#!/bin/sh
# Relax the namespace to privileged, roll out a hostPath volume at /var/run, then put baseline back: the running pods slipped in, but admission refuses the next pod of web's template.
set -eu
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce=privileged --overwrite
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "run", "hostPath": {"path": "/tmp/kubedrill-readonly-run", "type": "DirectoryOrCreate"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "run", "mountPath": "/var/run"}}
]'
kubectl -n "$NS" rollout status deployment/web --timeout=120s
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce=baseline --overwrite
