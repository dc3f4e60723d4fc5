/* stream.c: this machine's memory bandwidth, STREAM-style (McCalpin's triad, our code):
 * a[i] = b[i] + s * c[i] over three arrays of 20M doubles (480 MB), on one thread and on one
 * thread per core, best of 10 runs. Bandwidth counts 24 bytes per element as STREAM does (the
 * read-for-ownership of a[] is not counted). Prints "triad1 GB/s" and "triadN GB/s" lines that
 * bench/fusion_bench.py reads. Build: cc -O2 -pthread bench/stream.c -o stream */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { N = 20000000, REPS = 10, MAXT = 64 };

static double *a, *b, *c;

typedef struct Job {
    long lo, hi;
} Job;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void *triad(void *arg) {
    const Job *j = arg;
    const double s = 3.0;
    for (long i = j->lo; i < j->hi; i++) a[i] = b[i] + s * c[i];
    return NULL;
}

/* Best time of REPS triads split over nt threads. */
static double run(int nt) {
    double best = 1e30;
    for (int r = 0; r < REPS; r++) {
        pthread_t th[MAXT];
        Job jobs[MAXT];
        double t0 = now();
        for (int k = 0; k < nt; k++) {
            jobs[k] = (Job){(long)N * k / nt, (long)N * (k + 1) / nt};
            if (k) pthread_create(&th[k], NULL, triad, &jobs[k]);
        }
        triad(&jobs[0]);
        for (int k = 1; k < nt; k++) pthread_join(th[k], NULL);
        double t = now() - t0;
        if (t < best) best = t;
    }
    return best;
}

int main(void) {
    a = malloc(sizeof(double) * N), b = malloc(sizeof(double) * N), c = malloc(sizeof(double) * N);
    if (!a || !b || !c) return 1;
    for (long i = 0; i < N; i++) a[i] = 0, b[i] = 1.0, c[i] = 2.0; /* fault every page in */
    long nt = sysconf(_SC_NPROCESSORS_ONLN);
    if (nt < 1) nt = 1;
    if (nt > MAXT) nt = MAXT;
    double t1 = run(1), tn = run((int)nt);
    printf("triad1 %.2f GB/s\n", 24.0 * N / t1 / 1e9);
    printf("triad%ld %.2f GB/s\n", nt, 24.0 * N / tn / 1e9);
    printf("check %.1f\n", a[N / 2]);
    free(a), free(b), free(c);
    return 0;
}
