#ifndef SHENBAO_CZLIB_SHIM_H
#define SHENBAO_CZLIB_SHIM_H
#include <zlib.h>
#endif
