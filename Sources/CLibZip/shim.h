#ifndef SHENBAO_CLIBZIP_SHIM_H
#define SHENBAO_CLIBZIP_SHIM_H
#include <zip.h>
/* zlib, which libzip is built on (libzip-dev depends on zlib1g-dev): inflating image data. */
#include <zlib.h>
#endif
