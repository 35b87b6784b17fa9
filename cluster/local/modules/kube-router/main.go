// Command kube-router is upstream kube-router, run by the local provider with only
// its NetworkPolicy (iptables + ipset) controller enabled. kind's policy engine
// needs nft queue, which the hosts we target lack.
package main

import (
	"os"

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
	pflag.Parse()
	if config.Version {
		version.PrintVersion(false)
		os.Exit(0)
	}
	kubeRouter, err := cmd.NewKubeRouterDefault(config)
	if err != nil {
		klog.Fatalf("failed to create kube-router: %v", err)
	}
	if err := kubeRouter.Run(); err != nil {
		klog.Fatalf("kube-router failed: %v", err)
	}
}
