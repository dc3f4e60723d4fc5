/* main.c: the abacus command line: `kernel -f FILE` (serve Jupyter), `install` (write the
 * kernelspec), `run FILE.py` (batch execution through the same runtime API), --version, --help.*/
#include <errno.h>
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abacus.h"
#include "kernel.h"

#ifndef ABACUS_SOURCE_DIR
#define ABACUS_SOURCE_DIR ""
#endif

#define KERNEL_DIR_NAME "abacus"
#define DISPLAY_NAME "Abacus (C, arrays + SQL)"

static const char usage[] =
    "usage: abacus kernel -f CONNECTION_FILE   serve a Jupyter frontend\n"
    "       abacus install [--user | --prefix P | --sys-prefix]\n"
    "                                          install the Jupyter kernelspec \"abacus\"\n"
    "       abacus run FILE.py | -             run a program (- reads it from stdin)\n"
    "       abacus --version | --help\n";

/* ---- install ---- */

static int mkdirs(const char *path) {
    char *buf = strdup(path);
    int rc = -1;
    if (!buf)
        return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(buf, 0755) && errno != EEXIST)
            goto fail;
        *p = '/';
    }
    rc = mkdir(buf, 0755) && errno != EEXIST ? -1 : 0;
fail:
    free(buf);
    return rc;
}

/* The kernels directory for the chosen option, as `jupyter kernelspec install` picks it. */
static int install_base(int argc, char **argv, char *out, size_t n) {
    const char *home = getenv("HOME"), *data = getenv("JUPYTER_DATA_DIR");
    const char *xdg = getenv("XDG_DATA_HOME");
    if (argc == 0) {
        snprintf(out, n, "/usr/local/share/jupyter/kernels");
    } else if (argc == 1 && strcmp(argv[0], "--user") == 0) {
        if (data && *data)
            snprintf(out, n, "%s/kernels", data);
        else if (xdg && *xdg)
            snprintf(out, n, "%s/jupyter/kernels", xdg);
        else
            snprintf(out, n, "%s/.local/share/jupyter/kernels", home ? home : ".");
    } else if (argc == 2 && strcmp(argv[0], "--prefix") == 0) {
        snprintf(out, n, "%s/share/jupyter/kernels", argv[1]);
    } else if (argc == 1 && strncmp(argv[0], "--prefix=", 9) == 0) {
        snprintf(out, n, "%s/share/jupyter/kernels", argv[0] + 9);
    } else if (argc == 1 && strcmp(argv[0], "--sys-prefix") == 0) {
        snprintf(out, n, "/usr/share/jupyter/kernels"); /* sys.prefix of /usr/bin/python3 */
    } else {
        fputs(usage, stderr);
        return -1;
    }
    return 0;
}

static int copy_file(const char *from, const char *to) {
    char buf[8192];
    size_t got;
    int rc = -1;
    FILE *in = fopen(from, "rb"), *out = NULL;
    if (!in)
        return -1;
    if (!(out = fopen(to, "wb")))
        goto fail;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            goto fail;
    rc = ferror(in) ? -1 : 0;
fail:
    fclose(in);
    if (out && fclose(out))
        rc = -1;
    return rc;
}

/* Logos come from the source tree this binary was built from, else from beside it. */
static void install_logos(const char *exe, const char *dir) {
    static const char *const logos[] = {"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"};
    char exedir[PATH_MAX], cand[3][PATH_MAX];
    snprintf(exedir, sizeof exedir, "%s", exe);
    dirname(exedir);
    snprintf(cand[0], PATH_MAX, "%s/kernelspec", ABACUS_SOURCE_DIR);
    snprintf(cand[1], PATH_MAX, "%.2000s/kernelspec", exedir);
    snprintf(cand[2], PATH_MAX, "%.2000s/../share/abacus/kernelspec", exedir);
    for (size_t l = 0; l < sizeof logos / sizeof logos[0]; l++) {
        char from[PATH_MAX * 2], to[PATH_MAX * 2];
        int done = 0;
        snprintf(to, sizeof to, "%s/%s", dir, logos[l]);
        for (int c = 0; c < 3 && !done; c++) {
            snprintf(from, sizeof from, "%s/%s", cand[c], logos[l]);
            done = copy_file(from, to) == 0;
        }
        if (!done)
            fprintf(stderr, "abacus install: warning: %s not found, installed without it\n",
                    logos[l]);
    }
}

static int cmd_install(int argc, char **argv) {
    char base[PATH_MAX], dir[PATH_MAX + 64], exe[PATH_MAX], file[PATH_MAX + 128];
    json_t *spec = NULL;
    int rc = 1;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0 || install_base(argc, argv, base, sizeof base))
        return n < 0 ? 1 : 2;
    exe[n] = 0;
    snprintf(dir, sizeof dir, "%s/%s", base, KERNEL_DIR_NAME);
    if (mkdirs(dir)) {
        fprintf(stderr, "abacus install: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    spec = json_pack("{s:[s, s, s, s], s:s, s:s, s:s, s:{s:b, s:s}}", "argv", exe, "kernel",
                     "-f", "{connection_file}", "display_name", DISPLAY_NAME, "language",
                     "python", "interrupt_mode", "signal", "metadata", "debugger", 0,
                     "abacus_version", ABACUS_VERSION);
    snprintf(file, sizeof file, "%s/kernel.json", dir);
    if (!spec || json_dump_file(spec, file, JSON_INDENT(1))) {
        fprintf(stderr, "abacus install: cannot write %s\n", file);
        goto fail;
    }
    install_logos(exe, dir);
    printf("Installed kernelspec abacus in %s\n", dir);
    rc = 0;
fail:
    json_decref(spec);
    return rc;
}

/* ---- run ---- */

static char *read_all(FILE *f) {
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len - 1, f);
        if (ferror(f) || feof(f))
            break;
        if (cap - len - 1 == 0) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        return NULL;
    }
    if (buf)
        buf[len] = 0;
    return buf;
}

static void run_stream(void *ctx, const char *name, const char *text, size_t len) {
    (void)ctx;
    FILE *f = strcmp(name, "stderr") == 0 ? stderr : stdout;
    if (f == stderr)
        fflush(stdout); /* keep the two streams in the order the program wrote them */
    fwrite(text, 1, len, f);
}

static void run_display(void *ctx, const ab_bundle *b, const char *id, int update) {
    (void)ctx, (void)id, (void)update;
    const ab_mime *m = ab_bundle_get(b, "text/plain");
    if (m)
        printf("%s\n", m->data);
}

static char *run_input(void *ctx, const char *prompt, int password, int *why) {
    (void)ctx, (void)password;
    char *line = NULL;
    size_t cap = 0;
    fputs(prompt ? prompt : "", stdout);
    fflush(stdout);
    ssize_t n = getline(&line, &cap, stdin);
    *why = 0;
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = 0;
    return line;
}

static int cmd_run(const char *path) {
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "abacus run: cannot open %s: %s\n", path, strerror(errno));
        return 2;
    }
    char *code = read_all(f);
    if (!is_stdin)
        fclose(f);
    ab_runtime *rt = code ? ab_new() : NULL;
    if (!rt) {
        fprintf(stderr, "abacus run: cannot read %s\n", path);
        free(code);
        return 2;
    }
    ab_set_colour(rt, 0);
    ab_sink sink = {NULL, run_stream, run_display, NULL, run_input};
    ab_outcome out = {0};
    int ok = ab_exec(rt, code, is_stdin ? "<stdin>" : path, 0, &sink, &out);
    fflush(stdout);
    for (int i = 0; !ok && i < out.ntraceback; i++)
        fprintf(stderr, "%s\n", out.traceback[i]);
    ab_outcome_clear(&out);
    ab_free(rt);
    free(code);
    return ok ? 0 : 1;
}

/* ---- dispatch ---- */

static int cmd_kernel(int argc, char **argv) {
    const char *file = NULL;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "--connection-file") == 0) &&
            i + 1 < argc)
            file = argv[++i];
        else if (strncmp(argv[i], "--connection-file=", 18) == 0)
            file = argv[i] + 18;
        else if (strncmp(argv[i], "-f=", 3) == 0)
            file = argv[i] + 3;
    }
    if (!file) {
        fprintf(stderr, "abacus kernel: missing -f CONNECTION_FILE\n");
        return 2;
    }
    return kernel_main(file);
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "kernel") == 0)
        return cmd_kernel(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "install") == 0)
        return cmd_install(argc - 2, argv + 2);
    if (argc == 3 && strcmp(argv[1], "run") == 0)
        return cmd_run(argv[2]);
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("abacus %s\n", ABACUS_VERSION);
        return 0;
    }
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    fputs(usage, stderr);
    return 2;
}
