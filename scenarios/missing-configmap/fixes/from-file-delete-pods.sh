#!/bin/sh
# Create the ConfigMap from a local file (--from-file), then delete the stuck pods so new ones mount it at once.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'mode=production\n' > "$dir/settings.conf"
kubectl -n "$NS" create configmap web-settings --from-file="$dir/settings.conf"
kubectl -n "$NS" delete pod -l app=web --wait=false
