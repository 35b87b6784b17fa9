#!/bin/sh
# Open all egress of app with a second policy, and hide metrics and legacy-db behind deny-all ingress policies: the decoys look blocked, but app-egress no longer restricts anything.
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
  policyTypes: [Egress]
  egress:
    - {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: decoys-closed
spec:
  podSelector:
    matchExpressions:
      - key: app
        operator: In
        values: [metrics, legacy-db]
  policyTypes: [Ingress]
YAML
