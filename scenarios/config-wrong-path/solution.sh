#!/bin/sh
# Move the mount of volume config from /etc/config to /etc/app, where the app reads app.conf (JSON patch; the new pods roll out).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/mountPath", "value": "/etc/app"}
]'
