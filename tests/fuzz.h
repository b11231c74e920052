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

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A session file, read as session_parse reads one. */
void fuzz_session(const uint8_t *data, size_t size);
/* Operations run through the engine, the machine checked after each (fuzz_engine.c). */
void fuzz_engine(const uint8_t *data, size_t size);
/* One line of the command language. */
void fuzz_cmd(const uint8_t *data, size_t size);
/* A trace in each format, read as a file (and, for pages, as a string). */
void fuzz_trace_pages(const uint8_t *data, size_t size);
void fuzz_trace_lackey(const uint8_t *data, size_t size);
void fuzz_trace_addr(const uint8_t *data, size_t size);
void fuzz_trace_script(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
