#!/bin/sh
# Re-apply db's previous manifest (CACHE_MB 16) with kubectl apply, then delete the stuck db-2 once the update revision is the good one.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    app: db
spec:
  serviceName: db
  replicas: 3
  podManagementPolicy: OrderedReady
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
          command:
            - sh
            - -c
            - |
              case "$CACHE_MB" in ''|*[!0-9]*) echo "db: FATAL: CACHE_MB must be a number of MiB, saw '$CACHE_MB'"; exit 1;; esac
              if [ "$CACHE_MB" -gt $((LIMIT_MB / 2)) ]; then
                echo "db: FATAL: a ${CACHE_MB}Mi cache does not fit half of the ${LIMIT_MB}Mi memory limit"; exit 1
              fi
              mkdir -p /www && echo "$HOSTNAME cache=${CACHE_MB}Mi" > /www/index.html
              echo "db: $HOSTNAME serving on :8080 with a ${CACHE_MB}Mi cache"
              exec httpd -f -p 8080 -h /www
          env:
            - name: CACHE_MB
              value: "16"
            - name: LIMIT_MB
              valueFrom:
                resourceFieldRef:
                  containerName: db
                  resource: limits.memory
                  divisor: 1Mi
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
            limits:
              memory: 64Mi
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
