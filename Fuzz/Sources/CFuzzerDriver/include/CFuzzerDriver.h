#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM >= 11): runs the fuzzing loop with `callback`
/// as LLVMFuzzerTestOneInput. SwiftPM links a debug executable with `main` pointing at
/// `<Module>_main`, so each harness defines that symbol and hands over to this driver.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
