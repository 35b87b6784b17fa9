#!/bin/sh
# Re-apply Deployment api with the env entry written into the manifest (kubectl apply -f -).
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: api
          image: busybox:1.36
          command:
            - sh
            - -c
            - |
              if [ -z "${REDIS_HOST:-}" ]; then
                echo "FATAL: REDIS_HOST is not set"
                exit 1
              fi
              if ! nc -w 2 "$REDIS_HOST" 6379 </dev/null; then
                echo "FATAL: cannot reach $REDIS_HOST:6379"
                exit 1
              fi
              echo "api: cache at $REDIS_HOST:6379 answers; serving on :8080"
              mkdir -p /www && echo ok > /www/index.html
              exec httpd -f -p 8080 -h /www
          env:
            - name: REDIS_HOST
              valueFrom:
                configMapKeyRef:
                  name: api-config
                  key: REDIS_HOST
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
