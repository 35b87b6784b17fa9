#!/bin/sh
# Re-apply the Deployment manifest with image busybox:1.36 (kubectl apply -f -).
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: frontend
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /www && echo frontend > /www/index.html && exec httpd -f -p 8080 -h /www"]
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
