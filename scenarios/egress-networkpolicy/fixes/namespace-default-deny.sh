#!/bin/sh
# The reference rules on app-egress, plus a namespace-wide default-deny (ingress and egress) and an ingress rule letting app into db:5432 — the locked-down pattern: app still reaches db by name, and nothing else moves.
set -eu
sh "$(dirname "$0")/../solution.sh"
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-app
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: app
      ports:
        - protocol: TCP
          port: 5432
YAML
