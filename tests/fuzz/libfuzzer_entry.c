/* libFuzzer's entry point for one target, chosen at compile time with -DFUZZ_NAME=name
 * (the Makefile compiles this file once per target for make fuzz). */
#include "fuzz.h"

#ifndef FUZZ_NAME
#error "compile with -DFUZZ_NAME=<target>"
#endif

#define FUZZ_CAT2(a, b) a##b
#define FUZZ_CAT(a, b) FUZZ_CAT2(a, b)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FUZZ_CAT(fuzz_, FUZZ_NAME)(data, size);
}
