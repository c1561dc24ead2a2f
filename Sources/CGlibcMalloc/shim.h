#ifndef SHENBAO_CGLIBCMALLOC_SHIM_H
#define SHENBAO_CGLIBCMALLOC_SHIM_H
// glibc's allocator tuning (mallopt), which the Glibc module does not carry.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
