/*
 * fuzz_main.c - the libFuzzer entry point.  `make fuzz` compiles it once
 * per target with -DFUZZ_ENTRY=fuzz_NAME (see fuzz.h).
 */
#include "fuzz.h"

#ifndef FUZZ_ENTRY
#error "compile with -DFUZZ_ENTRY=fuzz_NAME"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FUZZ_ENTRY(data, size);
	return 0;
}
