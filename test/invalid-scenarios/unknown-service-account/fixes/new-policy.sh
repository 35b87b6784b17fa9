#!/bin/sh
# Add a second NetworkPolicy that allows client to reach web:8080 and DNS.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: client-to-web
spec:
  podSelector:
    matchLabels: { app: client }
  policyTypes: [Egress]
  egress:
    - to: [{ podSelector: { matchLabels: { app: web } } }]
      ports: [{ protocol: TCP, port: 8080 }]
    - ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]
YAML
