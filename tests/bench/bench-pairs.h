/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-pairs.h: timing a program's steps, alone or in pairs against a baseline. Each
 * program defines its own struct _Bench, which the steps receive. */
#pragma once

#include "bench-common.h"

#define BENCH_MAX_RUNS 50

typedef struct _Bench Bench;
typedef void (*BenchFunc) (Bench *b, gconstpointer data);

/* When the step being timed started; a step that times itself (until its first rows, say)
 * sets bench_step_ms, which then counts instead of its whole run. */
static gint64 bench_step_started;
static double bench_step_ms = -1;

static inline double
bench_time_step (Bench         *b,
                 BenchFunc      run,
                 gconstpointer  data)
{
  double ms;

  bench_step_ms = -1;
  bench_step_started = g_get_monotonic_time ();
  run (b, data);
  ms = bench_step_ms >= 0 ? bench_step_ms : bench_ms_since (bench_step_started);
  bench_step_ms = -1;
  return ms;
}

/* Median of @runs timed runs of @run, after one untimed run that warms the caches;
 * @setup and @teardown run around each, untimed. */
static inline double
bench_measure (Bench         *b,
               guint          runs,
               BenchFunc      setup,
               BenchFunc      run,
               BenchFunc      teardown,
               gconstpointer  data)
{
  double times[BENCH_MAX_RUNS];

  g_assert (runs > 0 && runs <= BENCH_MAX_RUNS);
  for (guint i = 0; i <= runs; i++)
    {
      double ms;

      if (setup != NULL)
        setup (b, data);
      ms = bench_time_step (b, run, data);
      if (teardown != NULL)
        teardown (b, data);
      if (i > 0)
        times[i - 1] = ms;
    }
  return bench_median (times, runs);
}

/* @a against @b in pairs, A B A B (after one untimed pair): the ratio of each pair, so that a
 * machine busy for a moment weighs on both sides. Prints the medians and the ratios' min,
 * median and max. */
static inline void
bench_measure_pairs (Bench         *b,
                     guint          runs,
                     const char    *name,
                     BenchFunc      a_setup,
                     BenchFunc      a_run,
                     BenchFunc      a_teardown,
                     gconstpointer  a_data,
                     const char    *baseline,
                     BenchFunc      b_setup,
                     BenchFunc      b_run,
                     BenchFunc      b_teardown,
                     gconstpointer  b_data)
{
  double a_times[BENCH_MAX_RUNS], b_times[BENCH_MAX_RUNS], ratios[BENCH_MAX_RUNS];
  double lowest = G_MAXDOUBLE, highest = 0;

  g_assert (runs > 0 && runs <= BENCH_MAX_RUNS);
  for (guint i = 0; i <= runs; i++)
    {
      double a_ms, b_ms;

      if (a_setup != NULL)
        a_setup (b, a_data);
      a_ms = bench_time_step (b, a_run, a_data);
      if (a_teardown != NULL)
        a_teardown (b, a_data);

      if (b_setup != NULL)
        b_setup (b, b_data);
      b_ms = bench_time_step (b, b_run, b_data);
      if (b_teardown != NULL)
        b_teardown (b, b_data);

      if (i == 0)
        continue;
      a_times[i - 1] = a_ms;
      b_times[i - 1] = b_ms;
      ratios[i - 1] = a_ms / b_ms;
      lowest = MIN (lowest, ratios[i - 1]);
      highest = MAX (highest, ratios[i - 1]);
    }
  printf ("%-38s %9.1f   %-34s %8.1f   %6.1f  (%.1f-%.1f over %u pairs)\n", name,
          bench_median (a_times, runs), baseline, bench_median (b_times, runs),
          bench_median (ratios, runs), lowest, highest, runs);
  fflush (stdout);
}

