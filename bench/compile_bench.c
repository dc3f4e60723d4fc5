/* compile_bench.c: parse + compile time of a 1,000-line cell, without running it.
 * Build with -DABACUS_BENCH=ON; run build/bench/compile_bench. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "object.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(void) {
    SBuf src = SBUF_INIT;
    for (int i = 0; i < 1000; i++)
        sb_printf(&src, "v%d = [%d, %d * 2, 'x%d', {'k': %d}] if %d %% 3 else (%d, -%d)\n", i, i, i,
                  i, i, i, i, i);
    VM *vm = vm_new();
    if (!vm) return 1;
    double best = 1e9;
    for (int round = 0; round < 20; round++) {
        double t = now();
        CodeObj *co = compile_module(vm, src.s, src.len, "<bench>", 1);
        double dt = now() - t;
        if (!co) return 1;
        decref_vm(vm, v_obj(co));
        if (dt < best) best = dt;
    }
    printf("parse+compile of a 1,000-line cell (%zu bytes): %.2f ms (best of 20)\n", src.len,
           best * 1e3);
    sb_free(&src);
    vm_free(vm);
    return 0;
}
