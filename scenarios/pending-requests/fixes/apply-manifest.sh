#!/bin/sh
# Re-apply Deployment api with a CPU request of 25m written into the manifest (kubectl apply -f -).
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
              mkdir -p /www && echo "api: ok" > /www/index.html
              echo "api: serving on :8080"
              exec httpd -f -p 8080 -h /www
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 25m
              memory: 16Mi
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
