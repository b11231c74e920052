/*
 * fuzz.h - the fuzz targets: each takes any bytes and must neither crash,
 * leak nor break an invariant (an invariant broken aborts).
 *
 * `make fuzz` runs each under libFuzzer (fuzz_main.c names one of them
 * as LLVMFuzzerTestOneInput); tests/test_regress.c replays the seed
 * corpora and every crash ever found through the same functions in the
 * ordinary build.
 */
#ifndef VMSCOPE_FUZZ_H
#define VMSCOPE_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A session file, read as session_parse reads one. */
void fuzz_session(const uint8_t *data, size_t size);
/* Operations run through the engine, the machine checked after each (fuzz_engine.c). */
void fuzz_engine(const uint8_t *data, size_t size);
/* Appends, truncations, seeks and policy changes on a history (fuzz_history.c). */
void fuzz_history(const uint8_t *data, size_t size);
/* Keys, clicks, resizes and ticks fed to the UI, drawn into /dev/null (fuzz_ui.c). */
void fuzz_ui(const uint8_t *data, size_t size);
/* One line of the command language. */
void fuzz_cmd(const uint8_t *data, size_t size);
/* A trace in each format, read as a file (and, for pages, as a string). */
void fuzz_trace_pages(const uint8_t *data, size_t size);
void fuzz_trace_lackey(const uint8_t *data, size_t size);
void fuzz_trace_addr(const uint8_t *data, size_t size);
void fuzz_trace_script(const uint8_t *data, size_t size);

struct machine;
/*
 * Aborts unless m holds together (fuzz_machine.c): between operations
 * (whole), or part-way through one, where a frame is filled one event
 * before its PTE is present.
 */
void fuzz_check_machine(const struct machine *m, bool whole);
/* Aborts unless m's counters add up (between operations). */
void fuzz_check_counters(const struct machine *m);

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
