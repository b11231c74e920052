/*
 * test_va_split.c - how an address divides among page-table levels:
 * known machines (x86-64, 32-bit x86, OSTEP's 5+5+5, ARM's 16 KiB and
 * 64 KiB granules), every page size at every level count, the indices of
 * OSTEP's worked example, and the message for an address too narrow.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "va_split.h"

static void
assert_split(unsigned page_size, unsigned va_bits, unsigned levels, unsigned pte_bytes,
	     const char *want)
{
	struct va_split s;
	char err[256], got[64];

	if (va_split_make(&s, page_size, va_bits, levels, pte_bytes, err, sizeof err))
		fail_msg("%u-byte pages, %u bits, %u levels: %s", page_size, va_bits, levels, err);
	va_split_describe(&s, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("%u-byte pages, %u bits, %u levels, %u-byte entries: %s, want %s",
			 page_size, va_bits, levels, pte_bytes, got, want);
}

/* Known machines: a table below the top holds page_size / pte_bytes entries. */
static void
t_known_machines(void **state)
{
	(void)state;
	/* 4096 / 8 = 512 entries: 9 bits a level; x86-64's four levels */
	assert_split(4096, 48, 4, 8, "9+9+9+9+12");
	/* 32-bit x86: 4096 / 4 = 1024 entries, 10 bits; page directory + table */
	assert_split(4096, 32, 2, 4, "10+10+12");
	/* OSTEP's paging-multilevel-translate.py: 32-byte pages, 1-byte entries */
	assert_split(32, 15, 2, 1, "5+5+5");
	/* ARM64, 16 KiB granule, 48 bits: 16384 / 8 = 2048 entries, 11 bits */
	assert_split(16384, 48, 4, 8, "1+11+11+11+14");
	/* ARM64, 64 KiB granule: 8192 entries, 13 bits; 42 bits in two levels */
	assert_split(65536, 42, 2, 8, "13+13+16");
	assert_split(65536, 48, 3, 8, "6+13+13+16");
	/* one level: the whole page number indexes one flat table (today's) */
	assert_split(4096, 16, 1, 8, "4+12");
	assert_split(4096, 48, 1, 8, "36+12");
	/* the top level takes what remains, even beyond a page's worth */
	assert_split(4096, 64, 2, 8, "43+9+12");
	/* the narrowest split: one bit on top */
	assert_split(4096, 40, 4, 8, "1+9+9+9+12");
	assert_split(16, 8, 4, 8, "1+1+1+1+4");
}

/*
 * Every page size at every level count, 64-bit addresses: each level below
 * the top has log2(page_size / pte_bytes) bits; the top has the rest, and
 * when none remains (64 KiB pages of 1-byte entries: 16 + 3 x 16 = 64)
 * the split is refused.
 */
static void
t_every_page_size_and_level(void **state)
{
	unsigned pb, levels, pte, l;

	(void)state;
	for (pb = 4; pb <= 16; pb++)
		for (levels = 1; levels <= LEVELS_MAX; levels++)
			for (pte = 1; pte <= 8; pte *= 2) {
				struct va_split s;
				char err[256];
				unsigned inner = pb - (pte == 1 ? 0 : pte == 2 ? 1 : pte == 4 ? 2 : 3);
				unsigned sum = 0;
				int rc = va_split_make(&s, 1u << pb, 64, levels, pte, err, sizeof err);

				if (pb + (levels - 1) * inner >= 64) {
					assert_int_equal(rc, -1);
					continue;
				}
				assert_int_equal(rc, 0);
				assert_int_equal(s.offset_bits, pb);
				assert_int_equal(s.bits[0], 64 - pb - (levels - 1) * inner);
				for (l = 1; l < levels; l++)
					assert_int_equal(s.bits[l], inner);
				for (l = 0; l < levels; l++)
					sum += s.bits[l];
				assert_int_equal(sum + pb, 64);
				assert_int_equal(s.shift[levels - 1], 0);
			}
}

/*
 * OSTEP's README works virtual address 0x611c on the 5+5+5 machine:
 * 0x611c = 110 0001 0001 1100; VPN 0x611c >> 5 = 0x308; the page
 * directory index is its top 5 bits, 0x18, the table index its low 5, 0x8.
 */
static void
t_ostep_indices(void **state)
{
	struct va_split s;
	char err[256];

	(void)state;
	assert_int_equal(va_split_make(&s, 32, 15, 2, 1, err, sizeof err), 0);
	assert_int_equal(va_split_index(&s, 0, 0x611c >> 5), 0x18);
	assert_int_equal(va_split_index(&s, 1, 0x611c >> 5), 0x8);
	assert_int_equal(va_split_entry_pages(&s, 0), 32);    /* a table's worth */
	assert_int_equal(va_split_entry_pages(&s, 1), 1);
	/* x86-64's highest user page, 0x7fff_ffff_f000: PML4 entry 255 (its
	 * top bit, bit 47, is clear), then entry 511 at each level below */
	assert_int_equal(va_split_make(&s, 4096, 48, 4, 8, err, sizeof err), 0);
	assert_int_equal(va_split_index(&s, 0, UINT64_C(0x7ffffffff000) >> 12), 255);
	for (unsigned l = 1; l < 4; l++)
		assert_int_equal(va_split_index(&s, l, UINT64_C(0x7ffffffff000) >> 12), 511);
}

/* Too narrow an address to split: the message names every number. */
static void
t_cannot_split(void **state)
{
	struct va_split s;
	char err[256];

	(void)state;
	assert_int_equal(va_split_make(&s, 4096, 16, 2, 8, err, sizeof err), -1);
	assert_string_equal(err, "levels: 2 levels cannot split a page number of 4 bits "
			    "(va_bits 16 minus 12 offset bits): each level below the top "
			    "takes 9 bits (a 4096-byte page holds 512 8-byte entries); "
			    "va_bits must be at least 22");
	assert_int_equal(va_split_make(&s, 4096, 39, 4, 8, err, sizeof err), -1);
	assert_int_equal(va_split_min_va_bits(4096, 4, 8), 40);
	assert_int_equal(va_split_min_va_bits(32, 2, 1), 11);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_known_machines),
		cmocka_unit_test(t_every_page_size_and_level),
		cmocka_unit_test(t_ostep_indices),
		cmocka_unit_test(t_cannot_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
