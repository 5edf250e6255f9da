/**
 * The end-to-end benchmarks of issue 13 other than the roster one: INVITE → 180 through Kamailio (cusax vs
 * baresip as callee, sipp calling), heap per contact, CPU per G.711 call, chat messages per second through
 * the daemon; all against real servers from the testbed, written to {@code bench/results/e2e.*}.
 */
package org.cusax.bench.endtoend;
