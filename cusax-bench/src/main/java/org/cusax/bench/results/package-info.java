/**
 * Turns JMH's JSON results into the markdown table {@code results/latest.md}
 * ({@link org.cusax.bench.results.ResultsTable} is the entry point).
 */
package org.cusax.bench.results;
