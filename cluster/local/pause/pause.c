/*
 * pause: the sandbox ("infra") container of every pod. It holds the pod's
 * namespaces open, reaps zombies re-parented to it (it is PID 1 of the pod
 * when the PID namespace is shared), and exits cleanly on SIGINT/SIGTERM.
 * Built statically so the image needs nothing but this binary.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_terminate(int sig) {
  (void)sig;
  _exit(0);
}

static void on_child(int sig) {
  (void)sig;
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "-v") == 0) {
    puts("kubedrill pause 1.0");
    return 0;
  }
  struct sigaction terminate = {0}, child = {0};
  terminate.sa_handler = on_terminate;
  child.sa_handler = on_child;
  child.sa_flags = SA_NOCLDSTOP | SA_RESTART;
  if (sigaction(SIGINT, &terminate, NULL) < 0 || sigaction(SIGTERM, &terminate, NULL) < 0 ||
      sigaction(SIGCHLD, &child, NULL) < 0) {
    perror("pause: sigaction");
    return 1;
  }
  if (getpid() != 1) fputs("pause: warning: not running as PID 1\n", stderr);
  for (;;) pause();
  return 42;
}
