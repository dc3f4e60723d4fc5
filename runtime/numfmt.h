/* numfmt.h: number and string formatting that matches CPython 3.11 byte for byte:
 * repr(float), repr(complex), format() with the full format-spec mini-language,
 * printf-style '%' conversions and round(x, ndigits). */
#ifndef NUMFMT_H
#define NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* Return codes of the apply functions: 0 success, NUMFMT_NOMEM out of memory (the buffer may
 * hold a partial result), NUMFMT_VALUE a ValueError, NUMFMT_OVERFLOW an OverflowError; for
 * the last two the message (without the exception name) is in err. */
#define NUMFMT_NOMEM (-1)
#define NUMFMT_VALUE (-2)
#define NUMFMT_OVERFLOW (-3)

/* A parsed format spec [[fill]align][sign][z][#][0][width][grouping][.precision][type].
 * Parsing does not depend on the object's type; the apply functions resolve defaults. */
typedef struct NumfmtSpec {
    char fill[5];           /* fill character as UTF-8, NUL-terminated; " " when not given */
    unsigned char fill_len; /* bytes in fill */
    unsigned char fill_set; /* fill character was given explicitly */
    char align;             /* '<' '>' '^' '=' or 0 when not given */
    char sign;              /* '+' '-' ' ' or 0 when not given */
    unsigned char no_neg_0; /* 'z' */
    unsigned char alt;      /* '#' */
    unsigned char zero;     /* the '0' flag before the width */
    char grouping;          /* ',' '_' or 0 */
    int64_t width;          /* -1 when not given */
    int64_t precision;      /* -1 when not given */
    uint32_t type;          /* presentation type as a code point, 0 when not given */
    unsigned char invalid;  /* more than one character was left for the type */
    const char *src;        /* view of the caller's spec text, for the invalid-spec message */
    size_t src_len;
} NumfmtSpec;

/* Parses spec[0..len) (UTF-8) into *out. Returns 0, or NUMFMT_VALUE with CPython's message in
 * err for the errors CPython reports while reading the spec whatever the type ("Format
 * specifier missing precision", "Cannot specify both ',' and '_'.", "Too many decimal digits
 * in format string"). Type-dependent errors (invalid specifier, ',' with 's', unknown code)
 * come from the apply functions. out->src points into spec: keep spec alive while using out. */
int numfmt_parse_spec(const char *spec, size_t len, NumfmtSpec *out, char *err, size_t errlen);

/* Writes repr(x) into buf (at least 32 bytes, NUL-terminated) and returns its length:
 * shortest round-trip digits, '1e+16' / '1e-05' / '0.1' / '100.0' / 'inf' / 'nan' / '-0.0'. */
int numfmt_repr_double(double x, char *buf);

/* Writes repr(complex(re, im)) into buf (at least 80 bytes) and returns its length:
 * '(1+2j)', '2j' (real part omitted when it is +0.0), '(-0-0j)', '(nan+infj)'. */
int numfmt_repr_complex(double re, double im, char *buf);

/* Appends format(x, spec) for a float; typename names the type in messages ("float").
 * Returns 0, NUMFMT_NOMEM or NUMFMT_VALUE. */
int numfmt_format_double(SBuf *b, const NumfmtSpec *spec, double x, const char *typename, char *err,
                         size_t errlen);

/* The base (2, 8, 10 or 16) an int formatter converts the magnitude to before calling
 * numfmt_format_int_digits: 2 for 'b', 8 for 'o', 16 for 'x' 'X', else 10 (d n c, none, the
 * float types e E f F g G %, and unknown types, which the digits call reports).
 * numfmt_spec_is_float tells whether the type formats the int as a float. */
int numfmt_spec_int_base(const NumfmtSpec *spec);
int numfmt_spec_is_float(const NumfmtSpec *spec);

/* Appends format(n, spec) for an int whose magnitude is the n digits mag (lowercase, in the
 * base numfmt_spec_int_base chose, no leading zeros except "0"), negative when the value is
 * < 0. Adds sign, '#' prefixes, grouping, padding; 'c' formats the code point; float types
 * convert the decimal digits to the nearest double (as int.__float__) and format that.
 * Returns 0, NUMFMT_NOMEM, NUMFMT_VALUE, or NUMFMT_OVERFLOW ('c' out of range, int too large
 * to convert to float). */
int numfmt_format_int_digits(SBuf *b, const NumfmtSpec *spec, int negative, const char *mag,
                             size_t n, const char *typename, char *err, size_t errlen);

/* numfmt_format_int_digits for an int64 value. */
int numfmt_format_int64(SBuf *b, const NumfmtSpec *spec, int64_t v, const char *typename, char *err,
                        size_t errlen);

/* Appends format(s, spec) for the UTF-8 string s[0..len): width and precision count code
 * points, default alignment left. Returns 0, NUMFMT_NOMEM or NUMFMT_VALUE. */
int numfmt_format_str(SBuf *b, const NumfmtSpec *spec, const char *s, size_t len,
                      const char *typename, char *err, size_t errlen);

/* Appends format(complex(re, im), spec) as complex.__format__. Returns 0, NUMFMT_NOMEM or
 * NUMFMT_VALUE. */
int numfmt_format_complex(SBuf *b, const NumfmtSpec *spec, double re, double im,
                          const char *typename, char *err, size_t errlen);

/* round(x, ndigits) for a float, correctly rounded half-even on the exact value as CPython.
 * nan and infinities come back unchanged. Sets *overflow (else clears it) when the result is
 * too large ("rounded value too large to represent"). round(x) with no ndigits is
 * numfmt_round_double(x, 0, ...) followed by the caller's int conversion. */
double numfmt_round_double(double x, int64_t ndigits, int *overflow);

/* ---- printf-style formatting: fmt % args ----
 * The caller scans fmt; at each '%' it calls numfmt_percent_parse, fetches '*' widths and
 * precisions and the argument (by key when key_len > 0), then asks numfmt_percent_kind what
 * the conversion needs and calls one of the numfmt_percent_* writers. */
#define NUMFMT_PF_LJUST 1 /* '-' */
#define NUMFMT_PF_SIGN 2  /* '+' */
#define NUMFMT_PF_BLANK 4 /* ' ' */
#define NUMFMT_PF_ALT 8   /* '#' */
#define NUMFMT_PF_ZERO 16 /* '0' */

typedef struct NumfmtPercent {
    int flags;                           /* NUMFMT_PF_* */
    int64_t width;                       /* -1 when absent */
    int64_t prec;                        /* -1 when absent */
    unsigned char width_star, prec_star; /* '*' given: set with numfmt_percent_set_star */
    uint32_t conv;                       /* the conversion character as a code point */
    unsigned char literal; /* "%%" written as such: a literal '%' (a later '%' is an error) */
    size_t key_start;      /* byte offset in fmt of the mapping key of "%(key)s" */
    size_t key_len;        /* 0 when there is no key */
    size_t conv_index;     /* index of conv in code points, for the unsupported message */
} NumfmtPercent;

/* Parses one conversion of fmt[0..len) starting at *pos, the byte after the '%'; advances
 * *pos past the conversion character. Returns 0, or NUMFMT_VALUE with "incomplete format",
 * "incomplete format key", "width too big" or "precision too big" in err. The conversion
 * character is not validated here (CPython checks it after fetching the argument). */
int numfmt_percent_parse(const char *fmt, size_t len, size_t *pos, NumfmtPercent *out, char *err,
                         size_t errlen);

/* Supplies the value of a '*': the width first if width_star, then the precision if
 * prec_star (call once per star in that order). A negative width means left-justify; a
 * negative precision becomes 0. */
void numfmt_percent_set_star(NumfmtPercent *p, int64_t value);

/* What the conversion needs from the caller. */
enum {
    NUMFMT_PK_PERCENT, /* "%%": append '%' and consume no argument */
    NUMFMT_PK_INT,     /* d i u o x X: an int (numfmt_percent_int_digits) */
    NUMFMT_PK_FLOAT,   /* e E f F g G: a float (numfmt_percent_double) */
    NUMFMT_PK_STR,     /* s r a: str()/repr()/ascii() of the argument (numfmt_percent_str) */
    NUMFMT_PK_CHAR,    /* c: one character from an int or a 1-char str (numfmt_percent_str) */
    NUMFMT_PK_BAD      /* unsupported: numfmt_percent_unsupported gives the error */
};
int numfmt_percent_kind(const NumfmtPercent *p);

/* Base (8, 10, 16) the caller converts an int's magnitude to for numfmt_percent_int_digits. */
int numfmt_percent_int_base(const NumfmtPercent *p);

/* Writes "unsupported format character 'y' (0x79) at index 3" into err; returns NUMFMT_VALUE. */
int numfmt_percent_unsupported(const NumfmtPercent *p, char *err, size_t errlen);

/* Appends a float conversion (e E f F g G). Returns 0 or NUMFMT_NOMEM. */
int numfmt_percent_double(SBuf *b, const NumfmtPercent *p, double x);

/* Appends an int conversion (d i u o x X) of the magnitude mag[0..n) in the base of
 * numfmt_percent_int_base. Returns 0 or NUMFMT_NOMEM. */
int numfmt_percent_int_digits(SBuf *b, const NumfmtPercent *p, int negative, const char *mag,
                              size_t n);

/* numfmt_percent_int_digits for an int64 value. */
int numfmt_percent_int64(SBuf *b, const NumfmtPercent *p, int64_t v);

/* Appends an s r a c conversion of the already converted UTF-8 text s[0..len) (precision
 * truncates s r a, counted in code points). Returns 0 or NUMFMT_NOMEM. */
int numfmt_percent_str(SBuf *b, const NumfmtPercent *p, const char *s, size_t len);

#endif
