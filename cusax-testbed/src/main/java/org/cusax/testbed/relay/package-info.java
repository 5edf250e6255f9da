/**
 * A user-space TCP relay on loopback for tests and benchmarks: adds a round-trip delay (this kernel has
 * no netem) and can be paused to stand for a stalled server or a black-holed path.
 */
package org.cusax.testbed.relay;
