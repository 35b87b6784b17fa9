#!/bin/sh
# Copy the settings into a new ConfigMap app-settings and mount that at /etc/app instead: same text, but the app no longer reads ConfigMap app-config.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kubectl -n "$NS" get configmap app-config -o jsonpath='{.data.app\.conf}' > "$dir/app.conf"
kubectl -n "$NS" create configmap app-settings --from-file=app.conf="$dir/app.conf"
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0/configMap/name", "value": "app-settings"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/mountPath", "value": "/etc/app"}
]'
