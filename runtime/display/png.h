/* png.h: a PNG encoder over zlib for 8-bit gray, gray+alpha, RGB and RGBA images. It knows
 * nothing of values or arrays: display code hands it pixel rows. */
#ifndef PNG_H
#define PNG_H

#include <stddef.h>

#include "../sbuf.h"

/* The largest image png_encode accepts, in pixels (also the limit of imshow and Image). */
#define PNG_MAX_PIXELS (50 * 1000 * 1000)

/* Appends a PNG file holding w x h pixels of ch channels (1 gray, 2 gray+alpha, 3 RGB,
 * 4 RGBA), 8 bits each, to out. Row y starts at px + y * stride. Every row gets the filter
 * whose output has the smallest sum of absolute (signed) bytes. Returns 0; -1 when memory ran
 * out or zlib failed; -2 for bad arguments (w or h < 1, w * h over PNG_MAX_PIXELS, ch not 1-4).
 * On failure out keeps its former length. */
int png_encode(const unsigned char *px, int w, int h, int ch, size_t stride, SBuf *out);

/* Base64 (RFC 4648, padded) of n bytes appended to out (used for images embedded in SVG and
 * HTML). 0, or -1 out of memory. */
int png_base64(const unsigned char *p, size_t n, SBuf *out);

#endif
