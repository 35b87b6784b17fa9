#!/bin/sh
# Keep the bare name and add dns-server's domain to the client's DNS search list (dnsConfig): it resolves, but the client still does not name the backend's namespace.
set -eu
kubectl -n "$NS" patch deployment client -p "{\"spec\":{\"template\":{\"spec\":{\"dnsConfig\":{\"searches\":[\"$NS_SERVER.svc.cluster.local\"]}}}}}"
