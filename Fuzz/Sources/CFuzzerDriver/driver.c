// Nothing to compile: the header declares libFuzzer's own driver entry point.
#include "CFuzzerDriver.h"
