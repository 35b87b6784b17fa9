#!/bin/sh
# Apply a multi-line settings.conf (extra lines, trailing newline) and let the kubelet's mount retry pick it up, no restart.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings
data:
  settings.conf: |
    # web settings
    mode=production
    log_level=info
YAML
