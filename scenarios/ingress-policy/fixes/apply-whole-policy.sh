#!/bin/sh
# Re-apply backend-allow-frontend in full: frontend pods by namespace and pod labels together (an In expression), on backend's named port http.
set -eu
kubectl -n "$NS" apply -f - <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-allow-frontend
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: $NS
          podSelector:
            matchExpressions:
              - key: app
                operator: In
                values: [frontend]
      ports:
        - protocol: TCP
          port: http
YAML
