/* core/mem.h - the few string and memory helpers the portable runtime
 * needs.  core/ runs freestanding on Xen, so it cannot rely on libc's
 * <string.h>; these are small and obviously correct rather than fast. */
#ifndef MCC_CORE_MEM_H
#define MCC_CORE_MEM_H

#include <stddef.h>

void *mcc_memcpy(void *dst, const void *src, size_t n);
void *mcc_memset(void *dst, int c, size_t n);
int mcc_memcmp(const void *a, const void *b, size_t n);
size_t mcc_strlen(const char *s);
/* Like strcmp/strncmp: bytes compare as unsigned char. */
int mcc_strcmp(const char *a, const char *b);
int mcc_strncmp(const char *a, const char *b, size_t n);
/* First occurrence of c in s (c may be '\0'), or NULL. */
char *mcc_strchr(const char *s, int c);

#endif
