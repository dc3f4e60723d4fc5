/* image.h: arrays as images. Converts (h, w), (h, w, 3) and (h, w, 4) arrays to 8-bit pixels
 * the way matplotlib's imshow does (colour maps and vmin/vmax for 2-D data, [0, 1] floats or
 * uint8 for RGB(A)) or as raw pixels (IPython's Image), and encodes them as PNG. */
#ifndef IMAGE_H
#define IMAGE_H

#include "../object.h"

/* 8-bit pixels, rows packed: ch is 1 (gray), 3 (RGB) or 4 (RGBA). Free with img_free. */
typedef struct ImgPixels {
    unsigned char *px;
    int w, h, ch;
} ImgPixels;

/* How to turn values into pixels. cmap NULL: matplotlib's default (viridis) for 2-D in
 * imshow mode; vmin/vmax NaN: the data's finite minimum/maximum. raw: IPython's Image (2-D
 * data is gray levels, no colour map, no scaling: uint8 as is, floats from [0, 1]). */
typedef struct ImgOpts {
    const char *cmap;
    double vmin, vmax;
    int raw;
} ImgOpts;

/* Converts the array-like v. Raises TypeError ("Invalid shape (3, 4, 5) for image data", or a
 * dtype that is not real), ValueError (unknown colour map, empty image, more pixels than
 * PNG_MAX_PIXELS). 0 or -1 (raised). */
int img_from_value(VM *vm, Value v, const ImgOpts *o, ImgPixels *out);
/* Appends the PNG file of px to out. 0, or -1 (MemoryError raised). */
int img_png(VM *vm, const ImgPixels *px, SBuf *out);
void img_free(ImgPixels *px);
/* Makes sure `import numpy` ran (the array runtime's state exists). 0 or -1 (raised). */
int img_need_numpy(VM *vm);

#endif
