#!/bin/sh
# Add a second NetworkPolicy letting pods app=frontend into backend on 8080 (policies add up; backend-allow-frontend stays as it was).
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-from-frontend-pods
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
        - protocol: TCP
          port: 8080
YAML
