#ifndef SHENBAO_CLIBXML2_SHIM_H
#define SHENBAO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its encoding.h would then pull in ICU's headers, which clash
   with Foundation's own copy of ICU. shenbao never touches the ICU converter fields. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
