// Command kube-router is upstream kube-router, run by the local provider with only
// its NetworkPolicy (iptables + ipset) controller enabled. kind's policy engine
// needs nft queue, which the hosts we target lack.
//
// Upstream serves /healthz on every interface (":<health-port>") and has no
// flag for the address. Run with --health-port=0, it still registers its
// /healthz handler on http.DefaultServeMux and keeps computing health; this
// wrapper serves that mux on --kubedrill-health-address (loopback) instead.
package main

import (
	"net/http"
	"os"
	"time"

	"github.com/cloudnativelabs/kube-router/v2/pkg/cmd"
	"github.com/cloudnativelabs/kube-router/v2/pkg/options"
	"github.com/cloudnativelabs/kube-router/v2/pkg/version"
	"github.com/spf13/pflag"
	"k8s.io/klog/v2"
)

func main() {
	klog.InitFlags(nil)
	config := options.NewKubeRouterConfig()
	config.AddFlags(pflag.CommandLine)
	healthAddress := pflag.String("kubedrill-health-address", "", "serve kube-router's /healthz here (use with --health-port=0)")
	pflag.Parse()
	if config.Version {
		version.PrintVersion(false)
		os.Exit(0)
	}
	if *healthAddress != "" {
		server := &http.Server{Addr: *healthAddress, Handler: http.DefaultServeMux, ReadHeaderTimeout: 5 * time.Second}
		go func() {
			if err := server.ListenAndServe(); err != nil {
				klog.Fatalf("health endpoint on %s: %v", *healthAddress, err)
			}
		}()
	}
	kubeRouter, err := cmd.NewKubeRouterDefault(config)
	if err != nil {
		klog.Fatalf("failed to create kube-router: %v", err)
	}
	if err := kubeRouter.Run(); err != nil {
		klog.Fatalf("kube-router failed: %v", err)
	}
}
