RT_SRCS := xen/common/console.c
