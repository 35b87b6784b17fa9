#!/bin/sh
# Re-apply Deployment web as a whole manifest (kubectl apply -f -) with the restricted fields written in.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 2
      securityContext:
        runAsNonRoot: true
        runAsUser: 1001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: busybox:1.36
          command: ["sh", "-c", "echo \"web: serving /srv/www on :8080 as $(id)\"; exec httpd -f -p 8080 -h /srv/www"]
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: www
              mountPath: /srv/www
              readOnly: true
      volumes:
        - name: www
          projected:
            sources:
              - configMap:
                  name: web-content
              - downwardAPI:
                  items:
                    - path: kubedrill-id
                      fieldRef:
                        fieldPath: metadata.uid
YAML
