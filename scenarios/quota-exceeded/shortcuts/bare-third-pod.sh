#!/bin/sh
# Start the third replica by hand: a bare pod labelled app=api requesting 64Mi fits beside the two, but Deployment api still has only 2 of 3.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: api-third
  labels:
    app: api
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: api
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www && echo 'api: ok' > /www/index.html && exec httpd -f -p 8080 -h /www"]
      ports:
        - containerPort: 8080
      resources:
        requests:
          cpu: 5m
          memory: 64Mi
        limits:
          memory: 128Mi
      readinessProbe:
        httpGet:
          path: /
          port: 8080
        periodSeconds: 2
YAML
