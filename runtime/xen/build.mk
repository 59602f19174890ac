# runtime/xen/build.mk - build a Xen unikernel image.  Included by the
# Makefile mcc generates, which sets:
#   MCC_RUNTIME  path to runtime/
#   MCC_ARCH     x86_64 | arm | arm64
#   NAME         unikernel name; the output is $(NAME).xen
#   APP_SRCS     the application's .c files
#   GLUE_SRCS    main.c and generated crunch_*.c
#   RT_SRCS      runtime sources (relative to runtime/) of the components
# This file adds the platform itself: core/, xen/common, xen/libc and the
# architecture's boot code.  Compiler: Debian's gcc for the architecture
# by default; CC=clang works too (ld.lld links).
#
# Outputs: x86_64 an ELF with the PVH note, arm a zImage, arm64 an Image.

MCC_XEN := $(MCC_RUNTIME)/xen
XEN_INCLUDE ?= /usr/include
MCC_OBJ ?= _obj

ifeq ($(MCC_ARCH),x86_64)
  MCC_CROSS ?= $(if $(filter x86_64,$(shell uname -m)),,x86_64-linux-gnu-)
  MCC_CLANG_TARGET := x86_64-unknown-none-elf
  MCC_ARCH_DIR := x86
  MCC_ARCH_CFLAGS := -m64 -mno-red-zone -mno-mmx -mno-avx
  MCC_LDSCRIPT := $(MCC_XEN)/x86/x86.ld
  MCC_LDEMU := -m elf_x86_64
else ifeq ($(MCC_ARCH),arm64)
  MCC_CROSS ?= aarch64-linux-gnu-
  MCC_CLANG_TARGET := aarch64-unknown-none-elf
  MCC_ARCH_DIR := arm64
  MCC_ARCH_CFLAGS := -march=armv8-a -mstrict-align
  MCC_LDSCRIPT := $(MCC_XEN)/arm64/arm64.ld
  MCC_LDEMU := -m aarch64elf
else ifeq ($(MCC_ARCH),arm)
  MCC_CROSS ?= arm-linux-gnueabihf-
  MCC_CLANG_TARGET := armv7a-unknown-none-eabihf
  MCC_ARCH_DIR := arm
  MCC_ARCH_CFLAGS := -marm -march=armv7ve -mtune=cortex-a7 -mfpu=vfpv4 \
	-mfloat-abi=hard -mno-unaligned-access
  MCC_LDSCRIPT := $(MCC_XEN)/arm/arm.ld
  MCC_LDEMU := -m armelf_linux_eabi
else
  $(error MCC_ARCH must be x86_64, arm or arm64 (got '$(MCC_ARCH)'))
endif

ifeq ($(origin CC),default)
  CC := $(MCC_CROSS)gcc
endif
ifneq ($(findstring clang,$(CC)),)
  MCC_TARGET_FLAGS := --target=$(MCC_CLANG_TARGET)
  MCC_CC_INCLUDE := $(shell $(CC) -print-resource-dir)/include
  MCC_LD ?= ld.lld
  MCC_OBJCOPY ?= llvm-objcopy
  MCC_NM ?= llvm-nm
else
  MCC_TARGET_FLAGS :=
  MCC_CC_INCLUDE := $(shell $(CC) -print-file-name=include)
  MCC_LD ?= $(MCC_CROSS)ld
  MCC_OBJCOPY ?= $(MCC_CROSS)objcopy
  MCC_NM ?= $(MCC_CROSS)nm
endif
ifneq ($(findstring lld,$(MCC_LD)),)
  MCC_LDEMU :=
else
  # The image is one RWX identity-mapped segment on purpose.
  MCC_LDEMU += --no-warn-rwx-segments
endif
# 64-bit division and friends on arm come from libgcc; Debian's cross gcc
# has it even when clang compiles.
MCC_LIBGCC ?= $(shell $(MCC_CROSS)gcc -print-libgcc-file-name 2>/dev/null)

MCC_XEN_CFLAGS := $(MCC_TARGET_FLAGS) $(MCC_ARCH_CFLAGS) -std=gnu11 -Os \
	-ffreestanding -nostdlib -nostdinc -fno-stack-protector -fno-pic \
	-fno-pie -ffunction-sections -fdata-sections -fno-common \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-omit-frame-pointer -Wall -Wextra \
	-D__XEN_INTERFACE_VERSION__=0x00040e00 -DMCC_TARGET_XEN=1 \
	-isystem $(MCC_CC_INCLUDE) -I$(MCC_XEN)/libc/include \
	-I$(MCC_RUNTIME)/include -I$(MCC_RUNTIME) -I$(MCC_XEN)/$(MCC_ARCH_DIR) \
	-I$(MCC_OBJ)/xeninc
# libc's own loops must not be turned back into calls to themselves
# (clang's -fno-builtin already stops its loop-idiom pass).
MCC_LIBC_CFLAGS := -fno-builtin $(if $(findstring clang,$(CC)),,-fno-tree-loop-distribute-patterns)

# The components (console, time, clock, random) live in common/ too but
# come in through RT_SRCS, only when the unikernel uses them.
MCC_XEN_COMPONENTS := $(addprefix $(MCC_XEN)/common/,console.c time.c clock.c random.c)
MCC_PLAT_SRCS := $(patsubst $(MCC_RUNTIME)/%,%,\
	$(wildcard $(MCC_RUNTIME)/core/*.c) \
	$(filter-out $(MCC_XEN_COMPONENTS),$(wildcard $(MCC_XEN)/common/*.c)) \
	$(wildcard $(MCC_XEN)/libc/*.c) \
	$(wildcard $(MCC_XEN)/$(MCC_ARCH_DIR)/*.c) \
	$(wildcard $(MCC_XEN)/$(MCC_ARCH_DIR)/*.S))
ifneq ($(MCC_ARCH),x86_64)
  MCC_PLAT_SRCS += $(patsubst $(MCC_RUNTIME)/%,%,$(wildcard $(MCC_XEN)/armv/*.c))
endif
MCC_RT_ALL := $(sort $(MCC_PLAT_SRCS) $(RT_SRCS))

mcc_obj_of = $(patsubst %.c,%.o,$(patsubst %.S,%.o,$(1)))
MCC_RT_OBJS := $(addprefix $(MCC_OBJ)/rt/,$(call mcc_obj_of,$(MCC_RT_ALL)))
MCC_APP_OBJS := $(addprefix $(MCC_OBJ)/app/,$(call mcc_obj_of,$(notdir $(APP_SRCS) $(GLUE_SRCS))))

vpath %.c $(sort $(dir $(APP_SRCS) $(GLUE_SRCS)))

$(NAME).xen: $(MCC_OBJ)/$(NAME).elf
ifeq ($(MCC_ARCH),x86_64)
	$(MCC_OBJCOPY) --strip-all $< $@
else
	$(MCC_OBJCOPY) -O binary $< $@
	@# The file ends at _end (after .data); BSS and the stacks follow it
	@# in memory only (see the linker scripts).
	truncate -s $$(( 0x$$($(MCC_NM) $< | awk '$$3 == "_end" { print $$1 }') - \
		0x$$($(MCC_NM) $< | awk '$$3 == "_head" { print $$1 }') )) $@
endif

$(MCC_OBJ)/$(NAME).elf: $(MCC_RT_OBJS) $(MCC_APP_OBJS) $(MCC_LDSCRIPT)
	$(MCC_LD) $(MCC_LDEMU) -nostdlib -static --gc-sections -z max-page-size=4096 \
		-T $(MCC_LDSCRIPT) -o $@ $(MCC_RT_OBJS) $(MCC_APP_OBJS) $(MCC_LIBGCC)

$(MCC_OBJ)/xeninc/xen:
	@mkdir -p $(MCC_OBJ)/xeninc
	@test -f $(XEN_INCLUDE)/xen/xen.h || { echo "Xen public headers not found in $(XEN_INCLUDE) (Debian: libxen-dev)" >&2; exit 1; }
	ln -sfn $(abspath $(XEN_INCLUDE))/xen $@

$(MCC_OBJ)/rt/xen/libc/%.o: $(MCC_XEN)/libc/%.c | $(MCC_OBJ)/xeninc/xen
	@mkdir -p $(dir $@)
	$(CC) $(MCC_XEN_CFLAGS) $(MCC_LIBC_CFLAGS) -c $< -o $@
$(MCC_OBJ)/rt/%.o: $(MCC_RUNTIME)/%.c | $(MCC_OBJ)/xeninc/xen
	@mkdir -p $(dir $@)
	$(CC) $(MCC_XEN_CFLAGS) -c $< -o $@
$(MCC_OBJ)/rt/%.o: $(MCC_RUNTIME)/%.S | $(MCC_OBJ)/xeninc/xen
	@mkdir -p $(dir $@)
	$(CC) $(MCC_XEN_CFLAGS) -c $< -o $@
$(MCC_OBJ)/app/%.o: %.c | $(MCC_OBJ)/xeninc/xen
	@mkdir -p $(dir $@)
	$(CC) $(MCC_XEN_CFLAGS) $(APP_CFLAGS) -c $< -o $@

.PHONY: mcc-xen-clean
mcc-xen-clean:
	rm -rf $(MCC_OBJ) $(NAME).xen
