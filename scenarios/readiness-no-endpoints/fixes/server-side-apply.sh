#!/bin/sh
# Server-side apply of only the readiness probe (/healthz on 8080), taking the fields over with --force-conflicts.
set -eu
kubectl -n "$NS" apply --server-side --force-conflicts --field-manager=learner -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
YAML
