#!/bin/sh
# Add a Service backend to dns-client of type ExternalName pointing at the real one: the bare name resolves, but through a Service added to dns-client.
set -eu
kubectl -n "$NS" create service externalname backend --external-name="backend.$NS_SERVER.svc.cluster.local"
