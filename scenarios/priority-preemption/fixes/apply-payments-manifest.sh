#!/bin/sh
# Create a class at 1001 (just above 1000) and re-apply the payments manifest with priorityClassName set.
set -eu
kubectl apply -f - <<YAML
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: payments-above-batch$KD_SUFFIX
value: 1001
description: payments outranks batch work
YAML
kubectl -n "$NS" apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  labels:
    app: payments
spec:
  replicas: 2
  selector:
    matchLabels:
      app: payments
  template:
    metadata:
      labels:
        app: payments
    spec:
      terminationGracePeriodSeconds: 2
      priorityClassName: payments-above-batch$KD_SUFFIX
      containers:
        - name: payments
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /www && echo payments > /www/index.html && exec httpd -f -p 8080 -h /www"]
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
          resources:
            requests:
              kubedrill.io/slot$KD_SUFFIX: "1"
            limits:
              kubedrill.io/slot$KD_SUFFIX: "1"
YAML
