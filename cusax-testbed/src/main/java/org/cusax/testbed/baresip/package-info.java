/**
 * baresip (Debian's 1.0) as an independent SIP user agent for interoperability tests: configured
 * per run, driven through its stdin menu, with its decoded audio recorded to WAV files.
 */
package org.cusax.testbed.baresip;
