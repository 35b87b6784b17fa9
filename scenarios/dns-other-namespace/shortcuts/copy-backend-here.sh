#!/bin/sh
# Run a copy of the backend in dns-client (same manifest, its own pods and Service backend): the bare name works, but it is not the backend in dns-server.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
spec:
  replicas: 1
  selector:
    matchLabels:
      app: backend
  template:
    metadata:
      labels:
        app: backend
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: backend
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /www && echo 'backend: hello from dns-server' > /www/index.html && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 8080 -h /www"]
          env:
            - name: POD_UID
              valueFrom:
                fieldRef:
                  fieldPath: metadata.uid
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: backend
spec:
  selector:
    app: backend
  ports:
    - port: 8080
      targetPort: 8080
YAML
