/* raster.h: figures as PNG. Draws the SVG that svg_render writes into RGBA pixels (anti-aliased
 * polygons for fills, strokes, dashes and markers; the bitmap font of font.c for text; embedded
 * PNG images) and encodes them with png.c. It reads only the subset of SVG that svg.c emits. */
#ifndef RASTER_H
#define RASTER_H

#include <stddef.h>

#include "../sbuf.h"

/* RGBA pixels, rows packed (stride 4 * w). */
typedef struct RasterImage {
    unsigned char *px;
    int w, h;
} RasterImage;

/* Draws svg (n bytes, from svg_render) at scale pixels per SVG unit (dpi / 72: the SVG is in
 * points). Returns 0; -1 when memory ran out; -2 when the text is not such an SVG, the scale
 * is not positive or the image would exceed PNG_MAX_PIXELS. Free out with free(out->px). */
int raster_svg(const char *svg, size_t n, double scale, RasterImage *out);
/* raster_svg, then the PNG file of the pixels appended to png (same results). w and h (may be
 * NULL) receive the image size. */
int raster_svg_png(const char *svg, size_t n, double scale, SBuf *png, int *w, int *h);

#endif
