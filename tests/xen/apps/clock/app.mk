RT_SRCS := xen/common/console.c xen/common/clock.c xen/common/random.c xen/common/time.c
