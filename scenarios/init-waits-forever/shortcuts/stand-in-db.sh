#!/bin/sh
# Stand up a stand-in database: a Deployment db serving its own uid on 5432 behind a Service db. The init container finishes, but it was answered by the stand-in, not by Deployment database.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  labels:
    app: db
spec:
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: db
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /d && echo \"$POD_UID\" > /d/kubedrill-id && exec httpd -f -p 5432 -h /d"]
          env:
            - name: POD_UID
              valueFrom:
                fieldRef:
                  fieldPath: metadata.uid
          ports:
            - containerPort: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    app: db
  ports:
    - port: 5432
      targetPort: 5432
YAML
