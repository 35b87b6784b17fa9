#!/bin/sh
# Put the password in a ConfigMap named db-creds and point the env at it (configMapKeyRef): the app logs in, but the credential sits in a ConfigMap, not a Secret.
set -eu
kubectl -n "$NS" create configmap db-creds --from-literal=password=s3cr3t-pw
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom",
   "value": {"configMapKeyRef": {"name": "db-creds", "key": "password"}}}
]'
