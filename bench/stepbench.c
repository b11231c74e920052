/*
 * stepbench.c - how long one step back or forward takes on a long history,
 * for `make bench`: the engine's share of what the UI does on `B` and Enter.
 *
 * usage: stepbench OPS
 *
 * Builds a history of OPS reads of pages 0..999 (uniform, fixed seed) on
 * 64 frames under LRU, replays it once to the end (as opening a session
 * does), then times, at the end and in the middle, the state one operation
 * back and one forward, each with that operation's events.  Prints the
 * slowest of those steps in milliseconds and the time of the first replay.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "history.h"
#include "machine.h"
#include "op.h"
#include "policy.h"
#include "rng.h"

#define BENCH_PAGES 1000u
#define TRIALS 20

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* A history of n reads of random pages; exits on an engine error. */
static struct history *
build(size_t n)
{
	struct machine_config cfg;
	struct history *h;
	struct op op = { .kind = OP_ACCESS, .access = ACCESS_READ };
	uint64_t seed = 1;
	char err[256];
	size_t i;

	machine_config_default(&cfg);
	cfg.frames = 64;
	cfg.va_bits = 22;               /* 1024 pages of 4 KiB */
	cfg.policy = policy_find("lru");
	h = history_new(machine_new_flat(&cfg, "bench", PERM_R | PERM_W));
	for (i = 0; i < n; i++) {
		op.addr = (rng_next(&seed) % BENCH_PAGES) * cfg.page_size;
		if (history_append(h, &op, NULL, err, sizeof err) == -1) {
			fprintf(stderr, "stepbench: op %zu: %s\n", i + 1, err);
			exit(1);
		}
	}
	return (h);
}

/* Seconds to reach state k and read the events of operation k. */
static double
step_to(struct history *h, size_t k)
{
	struct event_list ev;
	double start;

	start = seconds_now();
	(void)history_state(h, k);
	if (k > 0)
		history_events(h, k, &ev);
	return (seconds_now() - start);
}

/* The slowest of TRIALS back-and-forth steps around operation k. */
static double
slowest_around(struct history *h, size_t k)
{
	double t, worst = 0;
	int i;

	for (i = 0; i < TRIALS; i++) {
		if ((t = step_to(h, k - 1)) > worst)
			worst = t;
		if ((t = step_to(h, k)) > worst)
			worst = t;
	}
	return (worst);
}

int
main(int argc, char **argv)
{
	struct history *h;
	double replay, end, middle;
	size_t n;

	if (argc != 2 || (n = strtoul(argv[1], NULL, 10)) < 2) {
		fprintf(stderr, "usage: stepbench OPS (at least 2)\n");
		return (2);
	}
	h = build(n);
	replay = step_to(h, n);
	end = slowest_around(h, n);
	middle = slowest_around(h, n / 2);
	printf("ops=%zu replay_s=%.3f step_end_ms=%.3f step_middle_ms=%.3f\n",
	    n, replay, end * 1e3, middle * 1e3);
	history_free(h);
	return (0);
}
