/**
 * End-to-end benchmarks of issue 13: cold and warm start of a seeded roster against real Prosody behind a
 * user-space delaying TCP relay, compared in the same run with a serial loadVCard baseline and a raw
 * pipelined Smack floor; results as Markdown, CSV and PNG.
 */
package org.cusax.bench.e2e;
