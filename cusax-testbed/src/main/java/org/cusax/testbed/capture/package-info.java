/** Packet captures (tshark) of a test's traffic, read back field by field for checks on the wire. */
package org.cusax.testbed.capture;
