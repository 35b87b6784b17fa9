#!/bin/sh
# Server-side apply of Service web with a named port entry targeting web, taking the fields over with --force-conflicts.
set -eu
kubectl -n "$NS" apply --server-side --force-conflicts --field-manager=learner -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 8080
      targetPort: web
YAML
