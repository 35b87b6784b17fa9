#!/bin/sh
# Stand up a stand-in database (Deployment and Service db-stand-in on 5432, serving its own uid) and store database_host=db-stand-in in app-config: the app runs, but against the stand-in, not Service database.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db-stand-in
  labels:
    app: db-stand-in
spec:
  replicas: 1
  selector:
    matchLabels:
      app: db-stand-in
  template:
    metadata:
      labels:
        app: db-stand-in
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: db
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /www && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 5432 -h /www"]
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
  name: db-stand-in
spec:
  selector:
    app: db-stand-in
  ports:
    - port: 5432
      targetPort: 5432
YAML
kubectl -n "$NS" patch configmap app-config -p '{"data": {"database_host": "db-stand-in"}}'
