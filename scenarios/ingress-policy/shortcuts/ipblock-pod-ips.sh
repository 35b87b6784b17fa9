#!/bin/sh
# Let today's frontend pod IPs into backend (an ipBlock /32 each): they get in, but a replaced pod gets another address.
set -eu
peers=$(kubectl -n "$NS" get pods -l app=frontend -o jsonpath='{range .items[*]}{.status.podIP}{"\n"}{end}' \
  | awk 'NF { printf "%s{\"ipBlock\": {\"cidr\": \"%s/32\"}}", sep, $1; sep = ", " }')
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p "[
  {\"op\": \"add\", \"path\": \"/spec/ingress/-\", \"value\": {\"from\": [$peers], \"ports\": [{\"protocol\": \"TCP\", \"port\": 8080}]}}
]"
