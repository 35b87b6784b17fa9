#!/bin/sh
# Give the Service what it asks for: a stand-in Deployment whose pods are labelled app=web-app and serve a page on 8080. client is Ready, but not one request reaches webapp.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web-app
  template:
    metadata:
      labels:
        app: web-app
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 8080 -h /www"]
          env:
            - name: POD_UID
              valueFrom:
                fieldRef:
                  fieldPath: metadata.uid
          ports:
            - containerPort: 8080
YAML
