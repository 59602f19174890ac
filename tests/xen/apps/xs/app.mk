RT_SRCS := xen/common/console.c xen/common/time.c
