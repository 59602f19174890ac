RT_SRCS := xen/common/console.c core/crunch_kv.c
GLUE_SRCS += $(APPS_DIR)kv/crunch_1.c
