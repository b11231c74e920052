/*
 * runstat.c - run a command and report what it cost: wall time, user plus
 * system CPU time and peak resident memory, for `make bench`.
 *
 * usage: runstat [-o FILE] COMMAND [ARG...]
 *
 * The command inherits standard input, output and error.  When it ends,
 * one line "wall=S cpu=S maxrss_kb=N status=N" goes to FILE (or to standard
 * error), and runstat exits with the command's status (128 + signal if a
 * signal killed it; 127 if it could not be started).
 */
#define _DEFAULT_SOURCE

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cost {
	double wall;            /* seconds */
	double cpu;             /* user + system seconds */
	long maxrss_kb;         /* peak resident set, KiB */
	int status;             /* exit status, or 128 + signal */
};

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static double
timeval_seconds(const struct timeval *tv)
{
	return (tv->tv_sec + tv->tv_usec / 1e6);
}

/* Forks, execs argv and waits for it; returns -1 if fork or wait fails. */
static int
run(char **argv, struct cost *c)
{
	struct rusage ru;
	double start;
	pid_t pid;
	int ws;

	start = seconds_now();
	if ((pid = fork()) == -1)
		return (-1);
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "runstat: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &ws, 0, &ru) == -1)
		if (errno != EINTR)
			return (-1);
	c->wall = seconds_now() - start;
	c->cpu = timeval_seconds(&ru.ru_utime) + timeval_seconds(&ru.ru_stime);
	c->maxrss_kb = ru.ru_maxrss;
	c->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	return (0);
}

static void
usage(void)
{
	fprintf(stderr, "usage: runstat [-o FILE] COMMAND [ARG...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *outpath = NULL;
	struct cost c;
	FILE *out;
	int ch;

	while ((ch = getopt(argc, argv, "+o:")) != -1) {
		if (ch != 'o')
			usage();
		outpath = optarg;
	}
	if (optind >= argc)
		usage();
	if (run(argv + optind, &c) == -1) {
		fprintf(stderr, "runstat: %s\n", strerror(errno));
		return (127);
	}
	out = outpath ? fopen(outpath, "w") : stderr;
	if (out == NULL) {
		fprintf(stderr, "runstat: %s: %s\n", outpath, strerror(errno));
		return (127);
	}
	fprintf(out, "wall=%.6f cpu=%.6f maxrss_kb=%ld status=%d\n",
	    c.wall, c.cpu, c.maxrss_kb, c.status);
	if (out != stderr && fclose(out) != 0)
		return (127);
	return (c.status);
}
